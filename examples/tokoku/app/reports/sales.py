"""The nightly sales report: last month's orders from the shop's API, summed per day."""
import datetime

import requests
from dateutil.relativedelta import relativedelta


def last_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = today.replace(day=1) - relativedelta(months=1)
    return first, today.replace(day=1) - datetime.timedelta(days=1)


def orders(api: str, today: datetime.date) -> list[dict]:
    start, end = last_month(today)
    response = requests.get(f"{api}/orders", params={"from": start.isoformat(), "to": end.isoformat()}, timeout=30)
    response.raise_for_status()
    return response.json()
