"""Desk calculator for the finance team."""
import ast
import operator

OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def safe_eval(node):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in OPS:
        return OPS[type(node.op)](safe_eval(node.left), safe_eval(node.right))
    raise ValueError("unsupported expression")


def main():
    line = input("= ")
    print(eval(line))  # expect: CWE-94
    print(safe_eval(ast.parse(line, mode="eval").body))  # safe: CWE-94 ast walk, no eval
    print(eval("2 ** 10"))  # safe: CWE-94 constant


if __name__ == "__main__":
    main()
