"""Loads rows into the staging SQLite database."""
import sqlite3

STAGING_DB = "/srv/pipeline/staging.db"


class TableLoader:
    def __init__(self, table, db_path=STAGING_DB):
        self.table = table
        self.conn = sqlite3.connect(db_path)

    def insert(self, rows):
        if not rows:
            return
        placeholders = ", ".join("?" for _ in rows[0])
        self.conn.executemany(f"INSERT INTO {self.table} VALUES ({placeholders})", rows)  # expect: CWE-89 table name from the job spec
        self.conn.commit()


class CheckedTableLoader(TableLoader):
    TABLES = frozenset({"orders", "customers", "events"})

    def __init__(self, table, db_path=STAGING_DB):
        if table not in self.TABLES:
            raise ValueError(f"unknown table {table!r}")
        super().__init__(table, db_path)

    def count(self):
        return self.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]  # safe: CWE-89 table allow-listed in __init__

    def recent(self, limit):
        return self.conn.execute(f"SELECT * FROM {self.table} ORDER BY rowid DESC LIMIT ?", (int(limit),)).fetchall()  # safe: CWE-89 allow-listed table, parameterised limit
