import csv
import ftplib
import io
import os

from sqlalchemy import create_engine, text

from .celery_app import app

engine = create_engine(os.environ.get("REPORTING_DB_URL", "postgresql://reporting@localhost/reporting"))
REPORT_HOST = "reports.partner.example"


@app.task
def nightly_report(day):
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT region, sum(total) FROM orders WHERE day = :d GROUP BY region"), {"d": day}).all()  # safe: CWE-89 bound
        conn.execute(text(f"DELETE FROM report_cache WHERE day = '{day}'"))  # expect: CWE-89
    upload_report(day, rows)


@app.task
def weekly_report(week_no):
    with engine.begin() as conn:
        rows = conn.execute(text(f"SELECT region, sum(total) FROM orders WHERE week = {int(week_no)} GROUP BY region")).all()  # safe: CWE-89 int()
    upload_report_secure(f"week-{int(week_no)}", rows)


def _csv(rows):
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return io.BytesIO(buf.getvalue().encode())


def upload_report(day, rows):
    ftp = ftplib.FTP(REPORT_HOST)  # expect: CWE-319
    ftp.login("reports", os.environ["REPORT_FTP_PASSWORD"])
    ftp.storbinary(f"STOR sales-{day}.csv", _csv(rows))
    ftp.quit()


def upload_report_secure(name, rows):
    ftps = ftplib.FTP_TLS(REPORT_HOST)  # safe: CWE-319 FTPS
    ftps.login("reports", os.environ["REPORT_FTP_PASSWORD"])
    ftps.prot_p()
    ftps.storbinary(f"STOR sales-{name}.csv", _csv(rows))
    ftps.quit()
