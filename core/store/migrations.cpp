#include "migrations.h"

using namespace Qt::StringLiterals;

namespace shouyin {

// Times are milliseconds since the epoch, UTC; money is integer fen.
const QList<Migration> &migrations()
{
    static const QList<Migration> kMigrations{
        {1,
         {
             uR"(CREATE TABLE products (
                 id INTEGER PRIMARY KEY,
                 barcode TEXT NOT NULL UNIQUE,
                 name TEXT NOT NULL,
                 price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
                 stock INTEGER NOT NULL DEFAULT 0,
                 reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0)))"_s,
             uR"(CREATE TABLE counters (
                 name TEXT PRIMARY KEY,
                 value INTEGER NOT NULL))"_s,
             uR"(CREATE TABLE orders (
                 id INTEGER PRIMARY KEY,
                 order_no TEXT NOT NULL UNIQUE,
                 terminal_id TEXT NOT NULL,
                 operator TEXT NOT NULL,
                 status TEXT NOT NULL,
                 total_fen INTEGER NOT NULL CHECK (total_fen > 0),
                 created_at INTEGER NOT NULL,
                 updated_at INTEGER NOT NULL,
                 paid_at INTEGER))"_s,
             uR"(CREATE TABLE order_items (
                 id INTEGER PRIMARY KEY,
                 order_id INTEGER NOT NULL REFERENCES orders(id),
                 product_id INTEGER REFERENCES products(id),
                 barcode TEXT NOT NULL,
                 name TEXT NOT NULL,
                 unit_price_fen INTEGER NOT NULL,
                 quantity INTEGER NOT NULL CHECK (quantity > 0)))"_s,
             uR"(CREATE TABLE payments (
                 id INTEGER PRIMARY KEY,
                 order_id INTEGER NOT NULL REFERENCES orders(id),
                 pay_no TEXT NOT NULL UNIQUE,
                 provider TEXT NOT NULL,
                 app_id TEXT NOT NULL,
                 merchant_id TEXT NOT NULL,
                 amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                 status TEXT NOT NULL,
                 code_url TEXT,
                 transaction_id TEXT,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL,
                 updated_at INTEGER NOT NULL,
                 paid_at INTEGER,
                 last_error TEXT))"_s,
             // The rule "at most one open attempt per order", kept by the database itself.
             uR"(CREATE UNIQUE INDEX payments_one_open_per_order ON payments (order_id)
                 WHERE status IN ('CREATING', 'PENDING'))"_s,
             uR"(CREATE INDEX payments_open ON payments (status)
                 WHERE status IN ('CREATING', 'PENDING'))"_s,
             // The scheduler's durable queue (DESIGN.md §6): one job per subject.
             uR"(CREATE TABLE jobs (
                 subject TEXT PRIMARY KEY,
                 kind TEXT NOT NULL,
                 due_at INTEGER NOT NULL,
                 attempts INTEGER NOT NULL DEFAULT 0))"_s,
             uR"(CREATE INDEX payments_order ON payments (order_id))"_s,
             uR"(CREATE TABLE events (
                 id INTEGER PRIMARY KEY,
                 at INTEGER NOT NULL,
                 order_id INTEGER REFERENCES orders(id),
                 payment_id INTEGER REFERENCES payments(id),
                 kind TEXT NOT NULL,
                 source TEXT NOT NULL,
                 operator TEXT,
                 from_status TEXT,
                 to_status TEXT,
                 detail TEXT))"_s,
             uR"(CREATE INDEX events_order ON events (order_id, id))"_s,
             uR"(CREATE INDEX events_kind ON events (kind, at))"_s,
             uR"(CREATE INDEX orders_created ON orders (created_at))"_s,
         }},
        // Store manager: users with salted PIN hashes, and the indexes behind every
        // History filter and the daily report (each filter walks an index in time order).
        {2,
         {
             uR"(CREATE TABLE users (
                 id INTEGER PRIMARY KEY,
                 name TEXT NOT NULL UNIQUE,
                 role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
                 pin_hash TEXT NOT NULL,
                 pin_salt TEXT NOT NULL,
                 iterations INTEGER NOT NULL CHECK (iterations > 0),
                 failed_attempts INTEGER NOT NULL DEFAULT 0,
                 locked_until INTEGER,
                 created_at INTEGER NOT NULL,
                 active INTEGER NOT NULL DEFAULT 1))"_s,
             uR"(CREATE INDEX orders_status_created ON orders (status, created_at))"_s,
             uR"(CREATE INDEX orders_operator_created ON orders (operator, created_at))"_s,
             uR"(CREATE INDEX orders_terminal_created ON orders (terminal_id, created_at))"_s,
             // The provider filter: for a provider with few attempts, the list of its
             // orders; otherwise, walking orders in time order, one seek per order for
             // "has this order an attempt with the provider?".
             uR"(CREATE INDEX payments_provider_order ON payments (provider, order_id))"_s,
         }},
        // Several tills on one server: a due job is claimed by one till for a while (its
        // lease), so that no two tills query or close the same trade at once; and every
        // pay-log row is announced, so that the other tills' screens follow.
        {3,
         {
             uR"(ALTER TABLE jobs ADD COLUMN claimed_by TEXT)"_s,
             uR"(ALTER TABLE jobs ADD COLUMN claimed_until INTEGER)"_s,
             uR"(CREATE INDEX jobs_due ON jobs (due_at))"_s,
         },
         {
             uR"(CREATE FUNCTION shouyin_announce_change() RETURNS trigger LANGUAGE plpgsql
                 AS $$ BEGIN PERFORM pg_notify('shouyin_changes', ''); RETURN NULL; END $$)"_s,
             uR"(CREATE TRIGGER events_announce AFTER INSERT ON events
                 FOR EACH STATEMENT EXECUTE FUNCTION shouyin_announce_change())"_s,
         }},
        // Whose sales these are: a shop's, or training's. A training till never opens a
        // shop's database, nor a shop till a training one (see ledgerkind.h).
        {4,
         {
             uR"(CREATE TABLE ledger_kind (
                 id INTEGER PRIMARY KEY CHECK (id = 1),
                 kind TEXT NOT NULL CHECK (kind IN ('shop', 'training'))))"_s,
         }},
        // Payment codes: an attempt is the till's QR or the customer's code, and a code
        // attempt is settled differently (reversed, never closed).
        {5,
         {
             uR"(ALTER TABLE payments ADD COLUMN method TEXT NOT NULL DEFAULT 'qr'
                 CHECK (method IN ('qr', 'code')))"_s,
         }},
        // Cash: a tender is a payment row too (provider and method 'cash', SUCCESS when
        // written), with the cash the customer handed over; its change is what exceeds the
        // amount. An order is paid when its tenders cover its total.
        {6,
         {},
         {
             uR"(ALTER TABLE payments DROP CONSTRAINT payments_method_check)"_s,
             uR"(ALTER TABLE payments ADD CONSTRAINT payments_method_check
                 CHECK (method IN ('qr', 'code', 'cash')))"_s,
             uR"(ALTER TABLE payments ADD COLUMN tendered_fen BIGINT
                 CHECK (tendered_fen IS NULL OR tendered_fen >= amount_fen))"_s,
         },
         {
             uR"(CREATE TABLE payments_v6 (
                 id INTEGER PRIMARY KEY,
                 order_id INTEGER NOT NULL REFERENCES orders(id),
                 pay_no TEXT NOT NULL UNIQUE,
                 provider TEXT NOT NULL,
                 app_id TEXT NOT NULL,
                 merchant_id TEXT NOT NULL,
                 amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                 status TEXT NOT NULL,
                 code_url TEXT,
                 transaction_id TEXT,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL,
                 updated_at INTEGER NOT NULL,
                 paid_at INTEGER,
                 last_error TEXT,
                 method TEXT NOT NULL DEFAULT 'qr' CHECK (method IN ('qr', 'code', 'cash')),
                 tendered_fen INTEGER
                     CHECK (tendered_fen IS NULL OR tendered_fen >= amount_fen)))"_s,
             uR"(INSERT INTO payments_v6 (id, order_id, pay_no, provider, app_id, merchant_id,
                 amount_fen, status, code_url, transaction_id, created_at, expires_at,
                 updated_at, paid_at, last_error, method)
                 SELECT id, order_id, pay_no, provider, app_id, merchant_id, amount_fen, status,
                 code_url, transaction_id, created_at, expires_at, updated_at, paid_at,
                 last_error, method FROM payments)"_s,
             uR"(DROP TABLE payments)"_s,
             uR"(ALTER TABLE payments_v6 RENAME TO payments)"_s,
             uR"(CREATE UNIQUE INDEX payments_one_open_per_order ON payments (order_id)
                 WHERE status IN ('CREATING', 'PENDING'))"_s,
             uR"(CREATE INDEX payments_open ON payments (status)
                 WHERE status IN ('CREATING', 'PENDING'))"_s,
             uR"(CREATE INDEX payments_order ON payments (order_id))"_s,
             uR"(CREATE INDEX payments_provider_order ON payments (provider, order_id))"_s,
         },
         true},
        // Shift handover (交班): a till's shifts with their float and closing count, the
        // cash put into or taken out of the drawer without a sale (each with who, when and
        // why), and the numbered Z-reports. A Z-report is written once and never updated or
        // deleted: no statement of the program does it, and the database refuses it too.
        {7,
         {
             uR"(CREATE TABLE shifts (
                 id INTEGER PRIMARY KEY,
                 terminal_id TEXT NOT NULL,
                 cashier TEXT NOT NULL,
                 opened_at INTEGER NOT NULL,
                 float_fen INTEGER NOT NULL CHECK (float_fen >= 0),
                 closed_at INTEGER,
                 closed_by TEXT,
                 counted_fen INTEGER CHECK (counted_fen IS NULL OR counted_fen >= 0),
                 expected_fen INTEGER,
                 counts TEXT,
                 note TEXT,
                 CHECK (closed_at IS NULL OR (closed_by IS NOT NULL
                     AND counted_fen IS NOT NULL AND expected_fen IS NOT NULL
                     AND counts IS NOT NULL))))"_s,
             // The rule "at most one open shift per till", kept by the database itself.
             uR"(CREATE UNIQUE INDEX shifts_one_open_per_terminal ON shifts (terminal_id)
                 WHERE closed_at IS NULL)"_s,
             uR"(CREATE INDEX shifts_terminal_opened ON shifts (terminal_id, opened_at))"_s,
             uR"(CREATE TABLE drawer_movements (
                 id INTEGER PRIMARY KEY,
                 shift_id INTEGER NOT NULL REFERENCES shifts(id),
                 at INTEGER NOT NULL,
                 kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'no_sale')),
                 amount_fen INTEGER NOT NULL,
                 reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                 operator TEXT NOT NULL,
                 approved_by TEXT,
                 CHECK ((kind = 'no_sale' AND amount_fen = 0 AND approved_by IS NOT NULL)
                     OR (kind <> 'no_sale' AND amount_fen > 0))))"_s,
             uR"(CREATE INDEX drawer_movements_shift ON drawer_movements (shift_id, at))"_s,
             uR"(CREATE INDEX drawer_movements_at ON drawer_movements (at))"_s,
             // covers_from is NULL for a till's first Z-report (it covers everything before).
             uR"(CREATE TABLE z_reports (
                 id INTEGER PRIMARY KEY,
                 terminal_id TEXT NOT NULL,
                 number INTEGER NOT NULL CHECK (number > 0),
                 covers_from INTEGER,
                 covers_to INTEGER NOT NULL,
                 created_at INTEGER NOT NULL,
                 created_by TEXT NOT NULL,
                 figures TEXT NOT NULL,
                 UNIQUE (terminal_id, number)))"_s,
             // The drawer's cash tenders of a period, without walking every payment (a
             // later step that rebuilds payments must create it again).
             uR"(CREATE INDEX payments_method_created ON payments (method, created_at))"_s,
         },
         {
             uR"(CREATE FUNCTION shouyin_z_reports_frozen() RETURNS trigger LANGUAGE plpgsql
                 AS $$ BEGIN RAISE EXCEPTION 'a Z-report is never changed'; END $$)"_s,
             uR"(CREATE TRIGGER z_reports_frozen BEFORE UPDATE OR DELETE ON z_reports
                 FOR EACH ROW EXECUTE FUNCTION shouyin_z_reports_frozen())"_s,
         },
         {
             uR"(CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
                 BEGIN SELECT RAISE(ABORT, 'a Z-report is never changed'); END)"_s,
             uR"(CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
                 BEGIN SELECT RAISE(ABORT, 'a Z-report is never changed'); END)"_s,
         }},
        // Refunds (退款) and returns (退货). A return is what a manager approved: the goods
        // that came back (none when a surplus payment is given back) and the money. Its
        // money goes back through refunds, one per tender it came from, each with its own
        // number and state; a refund is never an update of the payment it returns.
        {8,
         {
             uR"(CREATE TABLE returns (
                 id INTEGER PRIMARY KEY,
                 order_id INTEGER NOT NULL REFERENCES orders(id),
                 terminal_id TEXT NOT NULL,
                 amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                 reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                 stock_action TEXT NOT NULL
                     CHECK (stock_action IN ('restock', 'damaged', 'none')),
                 requested_by TEXT NOT NULL,
                 approved_by TEXT NOT NULL,
                 created_at INTEGER NOT NULL))"_s,
             uR"(CREATE INDEX returns_order ON returns (order_id))"_s,
             uR"(CREATE INDEX returns_created ON returns (created_at))"_s,
             uR"(CREATE TABLE return_items (
                 id INTEGER PRIMARY KEY,
                 return_id INTEGER NOT NULL REFERENCES returns(id),
                 order_item_id INTEGER NOT NULL REFERENCES order_items(id),
                 quantity INTEGER NOT NULL CHECK (quantity > 0),
                 amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0)))"_s,
             uR"(CREATE INDEX return_items_return ON return_items (return_id))"_s,
             uR"(CREATE INDEX return_items_item ON return_items (order_item_id))"_s,
             uR"(CREATE TABLE refunds (
                 id INTEGER PRIMARY KEY,
                 refund_no TEXT NOT NULL UNIQUE,
                 return_id INTEGER NOT NULL REFERENCES returns(id),
                 order_id INTEGER NOT NULL REFERENCES orders(id),
                 payment_id INTEGER NOT NULL REFERENCES payments(id),
                 provider TEXT NOT NULL,
                 amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                 status TEXT NOT NULL
                     CHECK (status IN ('REQUESTED', 'PROCESSING', 'REFUNDED', 'FAILED')),
                 provider_refund_id TEXT,
                 last_error TEXT,
                 created_at INTEGER NOT NULL,
                 updated_at INTEGER NOT NULL,
                 refunded_at INTEGER,
                 CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL))))"_s,
             uR"(CREATE INDEX refunds_order ON refunds (order_id))"_s,
             uR"(CREATE INDEX refunds_payment ON refunds (payment_id))"_s,
             uR"(CREATE INDEX refunds_open ON refunds (status)
                 WHERE status IN ('REQUESTED', 'PROCESSING'))"_s,
             // Reports count a refund on the day its money went back, and list those asked
             // for on the day.
             uR"(CREATE INDEX refunds_refunded ON refunds (refunded_at))"_s,
             uR"(CREATE INDEX refunds_created ON refunds (created_at))"_s,
         }},
        // Switching provider keeps the order: the attempt the customer no longer uses is
        // given up (superseded_at) and closed in the background while the next one is
        // open. The rule "at most one open attempt per order" holds for the attempts not
        // given up; a given-up one stays open until its provider confirms the close.
        {9,
         {
             uR"(ALTER TABLE payments ADD COLUMN superseded_at INTEGER)"_s,
             uR"(DROP INDEX payments_one_open_per_order)"_s,
             uR"(CREATE UNIQUE INDEX payments_one_open_per_order ON payments (order_id)
                 WHERE status IN ('CREATING', 'PENDING') AND superseded_at IS NULL)"_s,
         }},
        // The shop keeps its own catalogue (#20): what a product is and how it sells, its
        // prices over time, the stock ledger of goods received, counted and adjusted, and
        // the sales a cashier parked. A product that was sold is never deleted, only
        // retired; a held sale reserves no stock and is resumed by exactly one till.
        {10,
         {
             uR"(ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '')"_s,
             uR"(ALTER TABLE products ADD COLUMN unit TEXT NOT NULL DEFAULT '')"_s,
             uR"(ALTER TABLE products ADD COLUMN cost_fen INTEGER
                 CHECK (cost_fen IS NULL OR cost_fen >= 0))"_s,
             uR"(ALTER TABLE products ADD COLUMN low_stock INTEGER
                 CHECK (low_stock IS NULL OR low_stock >= 0))"_s,
             // The cashier types the price, up to this; NULL: the price is fixed.
             uR"(ALTER TABLE products ADD COLUMN open_price_max_fen INTEGER
                 CHECK (open_price_max_fen IS NULL OR open_price_max_fen > 0))"_s,
             uR"(ALTER TABLE products ADD COLUMN quick_key INTEGER NOT NULL DEFAULT 0
                 CHECK (quick_key IN (0, 1)))"_s,
             // The item code a weighing scale prints in its labels (PLU).
             uR"(ALTER TABLE products ADD COLUMN plu TEXT)"_s,
             uR"(ALTER TABLE products ADD COLUMN retired_at INTEGER)"_s,
             uR"(CREATE UNIQUE INDEX products_plu ON products (plu) WHERE plu IS NOT NULL)"_s,
             uR"(CREATE TABLE price_history (
                 id INTEGER PRIMARY KEY,
                 product_id INTEGER NOT NULL REFERENCES products(id),
                 at INTEGER NOT NULL,
                 old_price_fen INTEGER,
                 new_price_fen INTEGER NOT NULL CHECK (new_price_fen >= 0),
                 operator TEXT NOT NULL))"_s,
             uR"(CREATE INDEX price_history_product ON price_history (product_id, at))"_s,
             uR"(CREATE TABLE stock_moves (
                 id INTEGER PRIMARY KEY,
                 product_id INTEGER NOT NULL REFERENCES products(id),
                 at INTEGER NOT NULL,
                 kind TEXT NOT NULL
                     CHECK (kind IN ('opening', 'received', 'counted', 'adjusted', 'imported')),
                 quantity_before INTEGER NOT NULL,
                 quantity_after INTEGER NOT NULL,
                 reason TEXT NOT NULL,
                 operator TEXT NOT NULL,
                 CHECK (kind <> 'adjusted' OR length(trim(reason)) > 0)))"_s,
             uR"(CREATE INDEX stock_moves_product ON stock_moves (product_id, at))"_s,
             uR"(CREATE TABLE held_sales (
                 id INTEGER PRIMARY KEY,
                 terminal_id TEXT NOT NULL,
                 operator TEXT NOT NULL,
                 held_at INTEGER NOT NULL,
                 note TEXT NOT NULL,
                 lines TEXT NOT NULL,
                 total_fen INTEGER NOT NULL,
                 resumed_at INTEGER,
                 resumed_by TEXT,
                 resumed_terminal TEXT,
                 CHECK ((resumed_at IS NULL) = (resumed_by IS NULL))))"_s,
             uR"(CREATE INDEX held_sales_waiting ON held_sales (held_at)
                 WHERE resumed_at IS NULL)"_s,
         }},
        // Discounts. A line keeps its own discount and its part of the whole-sale discount
        // and round-off (抹零), so that the lines' nets add up to the order's total and a
        // return gives back what the customer paid for the goods, not their list price.
        {11,
         {
             uR"(ALTER TABLE order_items ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0
                 CHECK (discount_fen >= 0))"_s,
             uR"(ALTER TABLE order_items ADD COLUMN share_fen INTEGER NOT NULL DEFAULT 0
                 CHECK (share_fen >= 0))"_s,
             uR"(ALTER TABLE orders ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0
                 CHECK (discount_fen >= 0))"_s,
             uR"(ALTER TABLE orders ADD COLUMN round_off_fen INTEGER NOT NULL DEFAULT 0
                 CHECK (round_off_fen >= 0 AND round_off_fen < 100))"_s,
             uR"(ALTER TABLE orders ADD COLUMN discount_approver TEXT)"_s,
         }},
        // WeChat Pay API v3 beside v2: a trade is queried, closed, reversed and refunded
        // through the api it was made with, whatever the shop has moved to since. Every
        // WeChat trade before this was a v2 one.
        {12,
         {
             uR"(ALTER TABLE payments ADD COLUMN api TEXT NOT NULL DEFAULT '')"_s,
             uR"(UPDATE payments SET api = 'v2' WHERE provider = 'wechat')"_s,
         }},
    };
    return kMigrations;
}

} // namespace shouyin
