<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DisplayText</name>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount or merchant mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid after cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid after close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALERT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider refused the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error, outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment code cannot be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing at the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back on the shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged, written off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund result does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash refunded from the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund accepted by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash to give back to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment given up for another</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscPosPrinter</name>
    <message>
        <source>The receipt printer at %1 does not answer: is it switched on and connected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 cannot be found on the network: is its name spelt right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till may not use the receipt printer at %1: its user needs to be in the printer&apos;s group (lp for USB, dialout for serial).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 is in use by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 stopped taking the job: is it out of paper, or is its cover open?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 went away in the middle of a job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 is out of paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no receipt printer at %1: is it plugged in and switched on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 cannot be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 went away in the middle of a job: is it plugged in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 failed to take the job: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cover of the receipt printer at %1 is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer at %1 reports an error: a paper jam, the cutter, or it is too hot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscPosTarget</name>
    <message>
        <source>The receipt printer %1 has a bad port &quot;%2&quot;: expected a number from 1 to 65535, as in tcp://192.168.1.87:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has no address: expected tcp://HOST[:PORT], as in tcp://192.168.1.87:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has a path after its address: expected tcp://HOST[:PORT] and nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 lacks the &quot;]&quot; closing its IPv6 address: expected tcp://[ADDRESS]:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has &quot;%2&quot; in brackets, which is not an IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has an IPv6 address without brackets: expected tcp://[ADDRESS]:PORT, as in tcp://[fe80::1]:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has no host before its port: expected tcp://HOST[:PORT].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has &quot;%2&quot;, which is neither a host name nor an IPv4 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has &quot;%2&quot; after its address: expected a port, as in tcp://[fe80::1]:9100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has no path: expected one, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has a relative path: expected an absolute one, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has a path with a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 names a host: expected a local path, as in file:/dev/usb/lp0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 has a bad baud rate &quot;%2&quot;: expected one of %3, as in serial:/dev/ttyUSB0@19200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is given: expected tcp://HOST[:PORT], file:/dev/usb/lp0 or serial:/dev/ttyUSB0[@BAUD].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 lacks the &quot;//&quot;: expected tcp://HOST[:PORT].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer %1 is of an unknown kind: expected tcp://HOST[:PORT], file:/dev/usb/lp0 or serial:/dev/ttyUSB0[@BAUD].</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerClaim</name>
    <message>
        <source>This is a shop&apos;s sales database (%1): training never opens it. Start training without --db, or with a file of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database holds training sales (%1), not a shop&apos;s: a real till never opens it. Choose the shop&apos;s database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database (%1) already holds a shop&apos;s sales: training never opens it. Start training without --db, or with a file of its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayLogText</name>
    <message>
        <source>At the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer entering the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted, debit pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid, then refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed without payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by the shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment failed at the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s trade no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s refund no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order paid in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payment&apos;s deadline passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left open, found at start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer chose another way to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another payment paid the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small change dropped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentCodes</name>
    <message>
        <source>Refused: insufficient balance. Ask the customer to choose another card in the app, or to pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the payment code has expired or is not valid. Ask the customer to refresh the code on their phone, then scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the customer&apos;s card cannot be used for this payment. Ask them to choose another card in the app, or to pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the code belongs to another customer than this payment&apos;s. Scan the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the provider: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment could not be made: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>The printer %1 did not take the job: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no default printer. Choose a printer in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no printer named %1, or the print system cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 cannot start a print job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job could not be sent to the printer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder is set for the PDF files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the folder %1 for the PDF files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundText</name>
    <message>
        <source>cash from the drawer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 refunded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes back to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the customer %1 from the drawer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the customer %1 from the drawer; %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; nothing from the drawer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-of-day summary %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales (paid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by the cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds still at the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling (the provider confirms the close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts given (and small change dropped: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftReportText</name>
    <message>
        <source>Float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(shift still open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the till&apos;s first record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shifts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shift is still open: its drawer is not counted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted (closed shifts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-%1 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingCodes</name>
    <message>
        <source>the customer pays at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer types the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer never confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer types a wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an expired code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a card that is not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s payment &amp;code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database server…
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --auto-charge: make &lt;n&gt; sales in a row, closing each payment dialog as a cashier would, then keep running (tests of several tills).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auto-charge-count needs a number of sales and --auto-charge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --auto-charge: pay with the customer&apos;s payment &lt;code&gt; instead of pressing Charge (tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: take WeChat Pay through API v3 (the sandbox&apos;s merchant with the WeChat Pay public key) instead of v2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::AdvancedSettingsBox</name>
    <message>
        <source>Advan&amp;ced: notifications, gateways, timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1:8089; empty: polling only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the WeChat Pay gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;WeChat Pay notify URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay notify URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signat&amp;ure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds and reverses gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;x. wait for a gateway:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::AlipayProvider</name>
    <message>
        <source>The gateway answered about another trade.</source>
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
        <source>The gateway answered about another refund.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::AlipaySettingsBox</name>
    <message>
        <source>Alipay merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2021…; empty: Alipay not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay&apos;s public key (PEM), not the app&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2088…; optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipa&amp;y app ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App pri&amp;vate key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay pu&amp;blic key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ller ID:</source>
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
    <message>
        <source>%1  (%2% off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 off)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::CashDialog</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take cash (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash &amp;given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still due: %1 (QR or payment code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of %1? Check the amount.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::Catalog</name>
    <message numerus="yes">
        <source>%n line(s) of the file cannot be imported; nothing was written.</source>
        <translation>
            <numerusform>%n line of the file cannot be imported; nothing was written.</numerusform>
            <numerusform>%n lines of the file cannot be imported; nothing was written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
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
    <message>
        <source>Enter the cash the customer gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is paid already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is no longer the one the customer pays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label of %1 carries no price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a fixed price; it cannot be typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the price of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price of %1 is ¥0.01 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of %2 left to sell (%3 in the cart).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount of %1 is more than a cashier may give (%2% of %3); a manager must approve it.</source>
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
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server is unreachable: no payment can be recorded, so none is taken. The cart is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment cancelled. The cart is kept: press F12 to charge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment code is not one the shop accepts. Ask the customer to pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the goods first: the cart is empty. The payment code was not charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment code is not one the shop accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sale is paid already: the code was not charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 was paid too, after the customer&apos;s payment code: the customer has paid twice. Refund order %1 to them (History).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last receipt (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still due, of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt of order %1 did not print: %2 Press F9 to print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt of order %1 printed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server is unreachable: no sale can be recorded, so no cash is taken. The cart is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash was not recorded: %1 Nothing was sold; give the cash back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash %1 taken for order %2. %3 is still due: charge it with the QR (F12) or scan the customer&apos;s payment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid: order %1, %2. Change: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the customer want a receipt? Press F9 to print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of this sale is paid in cash: charge the %1 still due, or Clear cart to cancel the sale and give the cash back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is cancelled: give the customer back the %2 cash they paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or clear this sale first: a return starts with an empty cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the code on the customer&apos;s receipt, or type its order number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no order number: they look like T01-20261123-0007.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an order number; this till takes no returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the receipt of order %1. Finish or clear this sale first, then scan it again for a return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund of order %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cart cleared (%n item(s)).</source>
        <translation>
            <numerusform>Cart cleared (%n item).</numerusform>
            <numerusform>Cart cleared (%n items).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is kept for when the return is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the return first: %1 was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is kept for when this payment is over (%n scan(s) waiting).</source>
        <translation>
            <numerusform>%1 is kept for when this payment is over (%n scan waiting).</numerusform>
            <numerusform>%1 is kept for when this payment is over (%n scans waiting).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cart was kept: %n item(s).</source>
        <translation>
            <numerusform>The cart was kept: %n item.</numerusform>
            <numerusform>The cart was kept: %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n item(s) scanned while the dialog was open.</source>
        <translation>
            <numerusform>Added %n item scanned while the dialog was open.</numerusform>
            <numerusform>Added %n items scanned while the dialog was open.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 was paid after all, and the same goods were paid again: the customer has paid twice. Refund order %1 to them (History).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 (%2) was paid after all: the sale is complete. Do not charge these goods again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 (%2) was paid after all: those goods are sold. The cart now holds other goods; check them before charging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 × %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Ctrl+Z puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Put back %n item(s).</source>
        <translation>
            <numerusform>Put back %n item.</numerusform>
            <numerusform>Put back %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held sales (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is empty: there is nothing to hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of this sale is paid: finish it, it cannot be held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot hold this sale: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Held %n item(s), %1, as held sale %2. F6 brings it back.</source>
        <translation>
            <numerusform>Held %n item, %1, as held sale %2. F6 brings it back.</numerusform>
            <numerusform>Held %n items, %1, as held sale %2. F6 brings it back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold or finish this sale first: a held sale comes back into an empty cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the held sales: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales are held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No. %4 — %1, %2 at %3 — %n item(s), %5</source>
        <translation>
            <numerusform>No. %4 — %1, %2 at %3 — %n item, %5</numerusform>
            <numerusform>No. %4 — %1, %2 at %3 — %n items, %5</numerusform>
        </translation>
    </message>
    <message>
        <source>Held sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back which sale?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held sale %1 is back, without %2: no longer sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Held sale %1 is back: %n item(s).</source>
        <translation>
            <numerusform>Held sale %1 is back: %n item.</numerusform>
            <numerusform>Held sale %1 is back: %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price of %1 (up to %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a price of %2: ¥0.01 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale label %1 was misread: scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product has the scale code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is empty: there is nothing to discount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart changed meanwhile: give the discount again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No discount on this sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 off: the customer pays %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount over %1% needs a manager, and nobody can sign in at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount of %1 on a sale of %2 (a cashier may give %3%). The customer would pay %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: no discount was given. The cart is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its discounts are not kept: give them again when it comes back.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Refunded (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training — no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with %1 to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please confirm the payment on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment please…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid — thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 off</source>
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
    <name>shouyin::Database</name>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian/Ubuntu package libqt6sql6-psql).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the database server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server %1 is unreachable; reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A failed part of the transaction could not be undone; nothing of it was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is at schema version %1, newer than this program (version %2) knows. Use the newer Shouyin, or a backup made for this one; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 (or its folder) cannot be written: a till that cannot record a sale takes none. Check the permissions and the mount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A part of the batch failed; nothing of it was kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent off (九折 is 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount off (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 takes the discount away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drop the small change (抹零): whole yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drop the small change (抹零): whole jiao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a whole percent from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the amount in yuan, e.g. 5 or 1.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than the %1 it is taken from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 → %2 (%3 off)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::Discounts</name>
    <message>
        <source>The discount is too large to work out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount is a percent from 0 to 100 or an amount that is not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount is a percent or an amount, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount of %1 is more than the %2 it is taken from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line cannot cost less than nothing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ExportProgressDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 of %2 orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 orders to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::GatewayClient</name>
    <message>
        <source>The gateway&apos;s reply is too large.</source>
        <translation type="unfinished"></translation>
    </message>
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
</context>
<context>
    <name>shouyin::HeldSales</name>
    <message>
        <source>There is nothing to hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantities must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no held sale %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already resumed this sale at till %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::HistoryModel</name>
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
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
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
        <source>%1, %2 refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::HistoryPage</name>
    <message>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no or its beginning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 orders shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cashiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orders shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export orders to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;arch</source>
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
    <name>shouyin::HttpListener</name>
    <message>
        <source>The listener is already listening.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
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
    <message>
        <source>Checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1 (no users set up yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is signed in at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in / switch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or cancel the open payment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server is unreachable. Payments are paused until it is back; reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server is unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1 — order %2. Tell a manager; Reports lists it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ManagerApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager&apos;s approval is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the manager who approves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not approve this: a manager must.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ManagerSetupDialog</name>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up the manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Shouyin. Create the shop manager&apos;s account: the manager signs in with this PIN to see History and Reports, change Settings and add cashiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN (%1 to %2 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat the PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
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
    <name>shouyin::OrderDetailDialog</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
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
    <message>
        <source>Pay no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt did not print: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns and refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return / refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 was sent again as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (on the lines %2, on the sale %3, small change %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts:</source>
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
    <message>
        <source>Scan with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server is unreachable. A payment made now is recorded as soon as it is back: keep the customer at the counter until this screen says Paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;QR instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code with %1 to pay, or scan the customer&apos;s payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charging the customer&apos;s payment code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the customer to confirm on their phone (password)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clear answer from %1 yet: asking again. Keep the customer at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the payment is being cancelled with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer did not confirm in time: cancelling the payment with %1. Nothing will be taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Scan the customer&apos;s new code, or show the QR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::PaymentSession</name>
    <message>
        <source>The order could not be placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer did not confirm in time. The payment was cancelled with the provider: nothing was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment did not go through on the customer&apos;s phone (wrong password, or cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider cancelled the payment: nothing was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR expired at the provider shortly before the till&apos;s deadline (the provider counts a QR&apos;s life in whole minutes). Nothing was paid. Press Retry for a new QR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider closed this QR before its time (the customer may have cancelled on their phone). Nothing was paid. Press Retry for a new QR.</source>
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
        <source>The training gateway&apos;s Alipay keys are unusable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training — terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training gateway could not listen for TLS on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shouyin training shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training gateway&apos;s WeChat Pay v3 keys are unusable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ProductBook</name>
    <message>
        <source>Product %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode %1 is already %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale code %1 is already %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product needs a barcode or a code of the shop&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode %1 may hold only digits, letters and &apos;-&apos;, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An open price needs a highest price above ¥0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The suggested price is above the highest the cashier may type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed price of ¥0.00 sells for nothing; give a price, or let the cashier type it (open price).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The low-stock level cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scale code is 1 to 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a count of goods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods received are counted from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment changes the count by 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment needs a reason (damaged, lost, …).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ProductDialog</name>
    <message>
        <source>Op&amp;en price: the cashier types it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the counter&apos;s &amp;quick keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 4.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Barcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cos&amp;t (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Low-stock level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highest price (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scale code (PLU):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening stoc&amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the price in yuan, e.g. 4.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the cost in yuan, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An open price needs the highest price the cashier may type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The low-stock level is a whole number, or empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ProductHistoryDialog</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ProductImportDialog</name>
    <message>
        <source>No file chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import products from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines that cannot be imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be imported. Fix the file, then read it again.</source>
        <translation>
            <numerusform>%n line cannot be imported. Fix the file, then read it again.</numerusform>
            <numerusform>%n lines cannot be imported. Fix the file, then read it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n product(s).</source>
        <translation>
            <numerusform>Imported %n product.</numerusform>
            <numerusform>Imported %n products.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouyin::ProductPicker</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;products (F3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, barcode or pinyin (kkkl)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ProductsPage</name>
    <message>
        <source>Name, barcode or category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Low stock only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receive goods…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ad&amp;just…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open, up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At or below its low-stock level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is retired: no longer sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on sale again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stock %2 → %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n product(s).</source>
        <translation>
            <numerusform>Imported %n product.</numerusform>
            <numerusform>Imported %n products.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouyin::QuickKeys</name>
    <message>
        <source>price typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ReceiptDesk</name>
    <message>
        <source>No receipt printer is set up (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This printer prints test pages only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is not paid: it has no receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer cannot write Chinese text for the receipt printer (no GB18030 support).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is set up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ReceiptSettingsBox</name>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set (training: PDF files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer on the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer on USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer on a serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printer of this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask at every sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (reprint from History)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash drawer is plugged into the receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a &amp;test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 192.168.1.87:9100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. /dev/usb/lp0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. /dev/ttyUSB0@19200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer&apos;s name; empty: the default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder, e.g. /home/shop/receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test page went to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shouyin test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::RefundBook</name>
    <message>
        <source>There is no refund %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refund needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 yuan of order %2 is left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is not paid: no goods can be returned from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 has no such line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 sold, %3 already returned; %4 cannot come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything of order %1 has been returned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no payment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 has nothing left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 needs every payment it has: return its goods instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the money goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 cannot be sent again; see the provider&apos;s merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 has less than %2 yuan left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is named twice in one return.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::RefundDialog</name>
    <message>
        <source>Return / refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier returns and refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything of this order that is left to return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does it come back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned &amp;goods:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print refund receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till takes no refunds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return / refund — order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · sold %2 by %3 · total %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1: only %2 of this order&apos;s payments is left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this order is left to return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why it comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was paid that this order does not need (a second payment, one after a cancel, or money whose refund failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give back %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager must approve refunds, and nobody can sign in at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 of order %2. Reason: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: nothing was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund receipt printed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund receipt did not print: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::RefundsTable</name>
    <message>
        <source>(money only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (refund %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ReportsPage</name>
    <message>
        <source>1 order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by hour (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-of-day summary %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end-of-day-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the end-of-day summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the end-of-day summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refunded (%n)</source>
        <translation>
            <numerusform>Refunded (%n)</numerusform>
            <numerusform>Refunded (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Net %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print summar&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is set up (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the day&apos;s figures on the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not print the end-of-day summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the summary of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary printed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary did not print: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsEditor</name>
    <message>
        <source>Cannot read %1: %2</source>
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
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsFields</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Correct these settings first: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsPage</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 8 letters or digits, e.g. T01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till was started without a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Restart Shouyin for the changes to take effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ter&amp;minal ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;efault provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QR code deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settin&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsValidator</name>
    <message>
        <source>Choose the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (check its permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed: an address such as https://pos.example.com/notify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a web address: it must start with https:// or http:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 8 letters (A–Z) or digits, such as T01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between %1 and %2 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between %1 and %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IP address and a port, such as 127.0.0.1:8089 (empty: no listener, polling only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer&apos;s address is not valid (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client certificate needs the WeChat Pay app ID and merchant ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file already names a PEM client certificate (client_cert, client_key): leave this empty or remove those lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its password file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a PKCS#12 certificate (.p12) that opens with the merchant ID as its password, or not valid now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A merchant key needs the app ID and the merchant ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed with the merchant ID (it starts with wx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed with the app ID (the mch_id, digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the merchant&apos;s API key (%1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored key is not %1 characters long: type the API key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key is %1 characters long; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a web address: it must start with https:// (http:// for a local sandbox) and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An https:// address (http:// only to this computer, such as 127.0.0.1); empty: the gateway above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD5 or HMAC-SHA256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an RSA key: Alipay&apos;s RSA2 needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a public key: the app&apos;s private key goes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a private key: Alipay&apos;s public key goes here, as the open platform shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed with the key files (the app ID the open platform shows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the app&apos;s own public key, not Alipay&apos;s: use the Alipay public key the open platform shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay or Alipay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay is not set up: fill in its section or choose WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay is not set up: fill in its section or choose Alipay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay app ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay app ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the API v3 key (%1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored API v3 key is not %1 characters long: type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API v3 key is %1 characters long; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a certificate: the merchant&apos;s private key (apiclient_key.pem) goes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the merchant certificate (apiclient_cert.pem): its serial tells WeChat Pay which key signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the certificate of the private key above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID WeChat Pay shows with its public key, PUB_KEY_ID_…; empty with the file below: platform certificates are downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose WeChat Pay&apos;s public key (pub_key.pem) that goes with the ID above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a certificate: WeChat Pay&apos;s public key (pub_key.pem) goes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a private key: WeChat Pay&apos;s public key (pub_key.pem) goes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the merchant&apos;s own public key, not WeChat Pay&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed for API v3 (it starts with wx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed for API v3 (the mch_id, digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API v3 app ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API v3 merchant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API v3 key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an RSA key: WeChat Pay API v3 signs with RSA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a public key: the merchant&apos;s private key (apiclient_key.pem) goes here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ShiftBook</name>
    <message>
        <source>The float cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 already has a shift open (%2&apos;s, since %3); close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the drawer without a sale needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount of cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the drawer is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open on till %1; open one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer should hold %1 yuan; it cannot pay out %2 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no shift %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 yuan is no renminbi note or coin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open on till %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 or a manager may close this shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift was closed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock reads earlier than when Z-report %1 was printed; check the time before printing the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 has no Z-report %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report %1 of till %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ShiftCloseDialog</name>
    <message>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the drawer of %1&apos;s shift on till %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: anything the manager should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::ShiftPage</name>
    <message>
        <source>This till&apos;s shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in / out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected in the drawer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting &amp;float (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift (count the drawer)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, e.g. change from the safe, a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the drawer must open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale (manager)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-sale &amp;reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Z-report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint Z-report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last report shows here as it prints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open on till %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open since %1, by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — paid orders: %2, cash kept: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1, out %2, no-sales %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the float the drawer starts with, in yuan (0 for none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift was opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift opened by %1 with a float of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in %1 (%2). Put the cash in the drawer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out %1 (%2). Take the cash from the drawer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the drawer must open without a sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the drawer without a sale. Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer stays shut: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale approved by %1 (%2): the drawer opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift cannot be closed here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift is still open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift closed. Counted %1, expected %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Z-report was made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report No. %1 made while a shift is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report No. %1 made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint Z-report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of the Z-report to print again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report No. %1 cannot be printed again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z-report No. %1, as it was printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, as it prints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer at this till: the report is only shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 printed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not print: %2 Press Print again once the printer is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
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
    <name>shouyin::StockDialog</name>
    <message>
        <source>Goods received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. the supplier&apos;s delivery note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stocktake count: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cou&amp;nted on the shelf:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust the stock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;by (+ or −):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: damaged, lost, found, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In stock now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::SystemPrinter</name>
    <message>
        <source>Shouyin test page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::TillLedger</name>
    <message>
        <source>Cannot read the catalogue %1.</source>
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
    <name>shouyin::UserDialog</name>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN (%1 to %2 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the P&amp;IN:</source>
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
    <message>
        <source>Wrong PIN. 1 more attempt before the account is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more attempts before the account is locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::UsersPanel</name>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a new PIN and is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::WechatSettingsBox</name>
    <message>
        <source>mch_id, digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiclient_cert.p12; needed for refunds and payment codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merc&amp;hant ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certi&amp;ficate (.p12):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored key ends in %1; type to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay merchant, API v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wx…; empty: no API v2 merchant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV2Provider</name>
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
    <message>
        <source>WeChat Pay closed the refund: no money went back. Refund again with a new number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund went to an abnormal account (a closed or frozen card): a manager must settle it on the WeChat Pay merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered about another refund.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV3Provider</name>
    <message>
        <source>The gateway answered about another trade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment gateway answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment gateway answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer has no trade state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway returned no QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay closed the refund: no money went back. Refund again with a new number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund went to an abnormal account (a closed or frozen card): a manager must settle it on the WeChat Pay merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered about another refund.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV3SettingsBox</name>
    <message>
        <source>WeChat Pay merchant, API v3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wx…; empty: no API v3 merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mch_id, digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiclient_key.pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiclient_cert.pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUB_KEY_ID_…; empty: platform certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pub_key.pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API v&amp;3 key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key (.pem):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored key ends in %1; type to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
