<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Train against the built-in sandbox gateway: no real money (the default without a merchant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read merchant and terminal settings from the INI &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the shop&apos;s data in the SQLite &lt;path&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import products from the CSV &lt;file&gt; (barcode,name,price_yuan,stock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: the sandbox customer pays every QR after &lt;ms&gt; milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make one training sale through the window by itself, then exit: 0 once it is paid, 1 if not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --smoke-test: save the window as a PNG &lt;file&gt; before charging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shouyin point of sale: WeChat Pay QR checkout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shouyin cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shouyin POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auto-pay-ms needs a number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the comma-separated &lt;barcodes&gt; and press Charge once the window is up (demonstrations, tests).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::CartModel</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::Checkout</name>
    <message>
        <source>The cart is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantities must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product in the cart no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to charge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is %1 and cannot be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 of this order is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown payment %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::CheckoutPage</name>
    <message>
        <source>&amp;Barcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a barcode, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown barcode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product is no longer in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add %1: at most %2 of one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 × %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid: order %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code for order %1 expired without payment. The cart is kept: press F12 to charge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment of order %1 cancelled. The cart is kept: press F12 to charge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 was paid after all. Do not charge these goods again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more item(s)</source>
        <translation>
            <numerusform>%1 and %n more item</numerusform>
            <numerusform>%1 and %n more items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouyin::CsvExporter</name>
    <message>
        <source>Order no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export file is not open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::DailyReporter</name>
    <message>
        <source>Choose a day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::HistoryQuery</name>
    <message>
        <source>A cashier can only see their own orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::MainWindow</name>
    <message>
        <source>Shouyin POS — Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shouyin POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING — no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode: payments go to the local sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::Money</name>
    <message>
        <source>¥%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Simulate customer payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING — no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requesting QR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code with WeChat to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR code: the request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code expired without payment. The order will be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--:--</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is paying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated payment failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has paid. Waiting for confirmation…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::PaymentSession</name>
    <message>
        <source>The order does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment was closed by the provider. Charge again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::PosApplication</name>
    <message>
        <source>The training gateway could not listen on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification listener cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary directory for training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the catalogue %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ProductPicker</name>
    <message>
        <source>&amp;Search products (F3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsEditor</name>
    <message>
        <source>Only WeChat Pay is available as the default provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A merchant key needs the app ID and the merchant ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::Staff</name>
    <message>
        <source>Please sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed to do this; a manager is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::TrainingCustomer</name>
    <message>
        <source>The training gateway answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the training gateway at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::UserStore</name>
    <message>
        <source>A user name needs 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN could not be protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop already has users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 has no valid role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 has been deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs: %1 is locked until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s) before the account is locked.</source>
        <translation>
            <numerusform>Wrong PIN. %n more attempt before the account is locked.</numerusform>
            <numerusform>Wrong PIN. %n more attempts before the account is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>The user %1 is locked or was deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop needs at least one active manager.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV2Provider</name>
    <message>
        <source>The payment gateway did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the payment gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment gateway answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s reply is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway returned no QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer has no trade state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered about another trade.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
