#!/usr/bin/env python3
"""Writes the benchmark's SQLite database: 1,000,000 rows over 5 tables with foreign keys, the kinds of values a starter
kit holds (text with commas, quotes and line breaks, unicode, NULLs, 0/1 booleans, ISO timestamps, reals, small blobs).
Deterministic (seeded), so every run loads the same data.   usage: make-db.py FILE [ROWS]"""
import random, sqlite3, sys

path = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
# The shares of the rows: customers, products, orders, order_items, payments.
n_customers, n_products = total // 10, total // 20
n_orders, n_payments = total * 3 // 10, total // 20
n_items = total - n_customers - n_products - n_orders - n_payments
rnd = random.Random(15)
words = ["kopi", "teh", "gula", "Ünïcödé", "日本語", "naïve", "a,b", 'say "hi"', "line\nbreak", "", "batik", "sambal"]

db = sqlite3.connect(path)
db.executescript("""
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT, active BOOLEAN NOT NULL, created_at DATETIME NOT NULL, note TEXT);
CREATE TABLE products (id INTEGER PRIMARY KEY AUTOINCREMENT, sku TEXT NOT NULL UNIQUE, title TEXT NOT NULL, price NUMERIC(10,2) NOT NULL, weight REAL, photo BLOB);
CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, customer_id INTEGER NOT NULL REFERENCES customers(id), placed_at DATETIME NOT NULL, status TEXT NOT NULL, total NUMERIC(12,2));
CREATE INDEX orders_customer ON orders(customer_id);
CREATE TABLE order_items (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id INTEGER NOT NULL REFERENCES orders(id), product_id INTEGER NOT NULL REFERENCES products(id), quantity INTEGER NOT NULL, unit_price NUMERIC(10,2) NOT NULL);
CREATE INDEX order_items_order ON order_items(order_id);
CREATE TABLE payments (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id INTEGER NOT NULL REFERENCES orders(id), paid_at DATETIME, amount NUMERIC(12,2) NOT NULL, method TEXT);
""")

def ts(i):
    return f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}"

def text(i):
    return f"{rnd.choice(words)} {i} {rnd.choice(words)}"

db.executemany("INSERT INTO customers VALUES (?,?,?,?,?,?)",
    ((i, text(i), None if i % 7 == 0 else f"user{i}@example.com", i % 3 != 0, ts(i), None if i % 2 else text(i * 3)) for i in range(1, n_customers + 1)))
db.executemany("INSERT INTO products VALUES (?,?,?,?,?,?)",
    ((i, f"SKU-{i:07d}", text(i), round(1 + (i % 9973) / 7, 2), None if i % 5 == 0 else i / 3, bytes([i % 256, (i * 7) % 256, 0, 255]) if i % 4 == 0 else None)
     for i in range(1, n_products + 1)))
db.executemany("INSERT INTO orders VALUES (?,?,?,?,?)",
    ((i, 1 + (i * 7919) % n_customers, ts(i), ["new", "paid", "sent", "done"][i % 4], round((i % 100000) / 3, 2)) for i in range(1, n_orders + 1)))
db.executemany("INSERT INTO order_items VALUES (?,?,?,?,?)",
    ((i, 1 + (i * 104729) % n_orders, 1 + (i * 31) % n_products, 1 + i % 5, round(1 + (i % 997) / 3, 2)) for i in range(1, n_items + 1)))
db.executemany("INSERT INTO payments VALUES (?,?,?,?,?)",
    ((i, 1 + (i * 13) % n_orders, None if i % 11 == 0 else ts(i), round((i % 5000) / 7, 2), ["cash", "card", "qris", None][i % 4]) for i in range(1, n_payments + 1)))
db.commit()
db.close()
print(f"{path}: customers {n_customers}, products {n_products}, orders {n_orders}, order_items {n_items}, payments {n_payments}")
