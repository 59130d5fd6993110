#!/bin/sh
# The shop's integration check after a migration (migration.test in ../../../jaga.yaml): the production database at
# $DATABASE_URL holds the starter kit's data and the shop's rules hold in it. jaga migrate run runs it in the plan's
# folder with the values of .env.production it just wrote (the process environment wins, as in the plan). Needs psql.
set -eu
: "${DATABASE_URL:?is not set: give it in .env.production or the environment}"
[ "${DB_ENGINE:-}" = postgresql ] || { echo "DB_ENGINE is not postgresql: the app would still use SQLite"; exit 1; }
q() { psql "$DATABASE_URL" -X -A -t -q -v ON_ERROR_STOP=1 -c "$1"; }
products=$(q "SELECT count(*) FROM products")
[ "$products" -gt 0 ] || { echo "no products in the production database"; exit 1; }
totals=$(q "SELECT count(*) FROM orders o WHERE o.total <> (SELECT coalesce(sum(i.quantity * i.unit_price), 0) FROM order_items i WHERE i.order_id = o.id)")
[ "$totals" -eq 0 ] || { echo "$totals order(s) whose total is not the sum of their items"; exit 1; }
orphans=$(q "SELECT count(*) FROM order_items i LEFT JOIN products p ON p.id = i.product_id WHERE p.id IS NULL")
[ "$orphans" -eq 0 ] || { echo "$orphans order item(s) of a product that does not exist"; exit 1; }
echo "integration check passed: $products products, every order adds up"
