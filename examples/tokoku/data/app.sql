-- The starter kit's database of the example shop "tokoku": what its SQLite app.db holds, in SQL, so the binary file
-- beside it can be rebuilt and checked (tests/Jaga.Migration.Tests/Run/StarterKitTests.cs rebuilds it and compares).
-- Rebuild, from the repository root:
--   rm -f examples/tokoku/data/app.db && sqlite3 examples/tokoku/data/app.db < examples/tokoku/data/app.sql
-- `jaga migrate run --plan examples/tokoku/jaga.yaml` takes it into PostgreSQL (docs/migration.md). It holds what a
-- migration has to get right: NULL and the empty string, quotes, commas and line breaks in text, unicode, booleans
-- stored as 0/1, binary, timestamps with a zone, a composite primary key and foreign keys.
PRAGMA foreign_keys = ON;

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  category_id INTEGER REFERENCES categories(id),
  name TEXT NOT NULL,
  price INTEGER NOT NULL,
  description TEXT,
  active BOOLEAN NOT NULL DEFAULT 1,
  image BLOB,
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  status TEXT NOT NULL,
  note TEXT,
  total INTEGER NOT NULL,
  placed_at TIMESTAMP NOT NULL
);

CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL,
  unit_price INTEGER NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

CREATE INDEX orders_customer ON orders(customer_id);

INSERT INTO categories (id, name) VALUES
  (1, 'Minuman'),
  (2, 'Makanan'),
  (3, 'Oleh-oleh');

INSERT INTO products (id, category_id, name, price, description, active, image, created_at) VALUES
  (1, 1, 'Kopi', 25000, 'Kopi Gayo, 250 g', 1, X'89504E470D0A1A0A', '2025-10-01T08:00:00+07:00'),
  (2, 1, 'Teh', 15000, '', 1, NULL, '2025-10-01T08:05:00+07:00'),
  (3, 2, 'Roti', 12000, NULL, 1, NULL, '2025-10-02T09:30:00+07:00'),
  (4, 3, 'Keripik "Pedas", level 5', 18000, 'Renyah,
pedas, dan gurih', 1, X'00FF10', '2025-10-03T10:00:00+07:00'),
  (5, 3, 'Dodol Garut — 500 g', 30000, 'Manis 🍬', 0, NULL, '2025-10-04T11:15:30.250+07:00'),
  (6, NULL, 'Kantong belanja', 2000, NULL, 1, NULL, '2025-10-05T00:00:00+00:00');

INSERT INTO customers (id, email, name, phone) VALUES
  (1, 'sari@tokoku.example', 'Sari', '+62 812 0000 1001'),
  (2, 'budi@tokoku.example', 'Budi O''Neil', NULL),
  (3, 'ayu@tokoku.example', 'Ayu Ṡ.', '');

INSERT INTO orders (id, customer_id, status, note, total, placed_at) VALUES
  (1, 1, 'paid', NULL, 65000, '2025-11-14T19:00:00+07:00'),
  (2, 2, 'shipped', 'Tolong dibungkus rapi, "jangan" dibanting', 36000, '2025-11-14T20:30:00+07:00'),
  (3, 1, 'cancelled', '', 12000, '2025-11-15T01:45:00+07:00'),
  (4, 3, 'paid', 'Kirim ke kantor,
lantai 3', 62000, '2025-11-15T08:10:00+07:00');

INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
  (1, 1, 2, 25000),
  (1, 2, 1, 15000),
  (2, 4, 2, 18000),
  (3, 3, 1, 12000),
  (4, 5, 2, 30000),
  (4, 6, 1, 2000);
