class Printer:
    def print(self, text):
        return text

    def show(self, text):
        self.print(text)  # safe: a method named print
        print(text)  # want: PP802


def pprint_like(obj):
    from pprint import pprint

    pprint(obj)  # safe: not the builtin print
