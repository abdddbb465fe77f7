import multiprocessing

bind = "0.0.0.0:8000"  # want: PP502
workers = multiprocessing.cpu_count() * 2 + 1
