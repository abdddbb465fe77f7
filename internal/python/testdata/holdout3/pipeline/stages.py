"""Row-level stages, written as generators."""
import ast


def read_rows(lines):
    for line in lines:
        if not line.strip():
            continue
        yield line.rstrip("\n").split(",")


def apply_filter(rows, expr):
    if not expr:
        yield from rows
        return
    code = compile(expr, "<filter>", "eval")  # expect: CWE-94 filter expression from the job spec
    for row in rows:
        if eval(code, {"__builtins__": {}}, {"row": row}):  # expect: CWE-94 emptied builtins do not make eval safe
            yield row


def match_values(rows, column, literal):
    wanted = ast.literal_eval(literal)  # safe: CWE-94 literal_eval
    for row in rows:
        if row[column] in wanted:
            yield row


def batched(rows, size):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
