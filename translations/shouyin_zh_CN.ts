<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DisplayText</name>
    <message>
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>取消中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>等待顾客付款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Amount or merchant mismatch</source>
        <translation>金额或商户不符</translation>
    </message>
    <message>
        <source>Paid after cancel</source>
        <translation>取消后仍被支付</translation>
    </message>
    <message>
        <source>Paid after close</source>
        <translation>关闭后仍被支付</translation>
    </message>
    <message>
        <source>Paid twice</source>
        <translation>重复支付</translation>
    </message>
    <message>
        <source>Unknown payment</source>
        <translation>未知支付</translation>
    </message>
    <message>
        <source>Bad notification</source>
        <translation>无效的支付通知</translation>
    </message>
    <message>
        <source>ALERT: %1</source>
        <translation>警报：%1</translation>
    </message>
    <message>
        <source>Order created</source>
        <translation>订单已创建</translation>
    </message>
    <message>
        <source>Order paid</source>
        <translation>订单已支付</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>已请求取消</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>已收到付款</translation>
    </message>
    <message>
        <source>Payment closed</source>
        <translation>支付已关闭</translation>
    </message>
    <message>
        <source>QR code shown</source>
        <translation>已显示二维码</translation>
    </message>
    <message>
        <source>Provider refused the payment</source>
        <translation>支付平台拒绝了这笔支付</translation>
    </message>
    <message>
        <source>Error, outcome unknown</source>
        <translation>出错，结果未知</translation>
    </message>
    <message>
        <source>Checked at start-up</source>
        <translation>启动时已核对</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>A payment code cannot be cancelled</source>
        <translation>付款码支付无法撤销</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>发起支付</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s password</source>
        <translation>等待顾客输入密码</translation>
    </message>
</context>
<context>
    <name>LedgerClaim</name>
    <message>
        <source>This is a shop&apos;s sales database (%1): training never opens it. Start training without --db, or with a file of its own.</source>
        <translation>这是门店的销售数据库（%1）：培训模式从不打开它。请不带 --db 启动培训，或为培训另用一个文件。</translation>
    </message>
    <message>
        <source>This database holds training sales (%1), not a shop&apos;s: a real till never opens it. Choose the shop&apos;s database.</source>
        <translation>此数据库保存的是培训销售（%1），不是门店的：正式收银台从不打开它。请选择门店的数据库。</translation>
    </message>
    <message>
        <source>This database (%1) already holds a shop&apos;s sales: training never opens it. Start training without --db, or with a file of its own.</source>
        <translation>此数据库（%1）已有门店的销售：培训模式从不打开它。请不带 --db 启动培训，或为培训另用一个文件。</translation>
    </message>
</context>
<context>
    <name>PaymentCodes</name>
    <message>
        <source>Refused: insufficient balance. Ask the customer to choose another card in the app, or to pay another way.</source>
        <translation>被拒绝：余额不足。请顾客在应用中换一张卡，或换一种方式付款。</translation>
    </message>
    <message>
        <source>Refused: the payment code has expired or is not valid. Ask the customer to refresh the code on their phone, then scan it again.</source>
        <translation>被拒绝：付款码已过期或无效。请顾客在手机上刷新付款码后重新扫描。</translation>
    </message>
    <message>
        <source>Refused: the customer&apos;s card cannot be used for this payment. Ask them to choose another card in the app, or to pay another way.</source>
        <translation>被拒绝：顾客的卡不能用于这笔支付。请顾客在应用中换一张卡，或换一种方式付款。</translation>
    </message>
    <message>
        <source>Refused: the code belongs to another customer than this payment&apos;s. Scan the code again.</source>
        <translation>被拒绝：该付款码属于另一位顾客。请重新扫描。</translation>
    </message>
    <message>
        <source>Refused by the provider: %1 (%2).</source>
        <translation>支付平台拒绝：%1（%2）。</translation>
    </message>
    <message>
        <source>The payment could not be made: %1.</source>
        <translation>无法完成支付：%1。</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Sales</source>
        <translation>成交笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>无成交</translation>
    </message>
    <message>
        <source>End-of-day summary %1</source>
        <translation>营业日报 %1</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印时间：%1</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Sales (paid)</source>
        <translation>成交（已支付）</translation>
    </message>
    <message>
        <source>Cancelled by the cashier</source>
        <translation>收银员取消</translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation>过期未支付</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>异常警报：%1</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Sales by hour</source>
        <translation>每小时营业额</translation>
    </message>
</context>
<context>
    <name>TrainingCodes</name>
    <message>
        <source>the customer pays at once</source>
        <translation>顾客立即付款</translation>
    </message>
    <message>
        <source>the customer types the password</source>
        <translation>顾客输入密码后付款</translation>
    </message>
    <message>
        <source>the customer never confirms</source>
        <translation>顾客一直不确认</translation>
    </message>
    <message>
        <source>the customer types a wrong password</source>
        <translation>顾客输错密码</translation>
    </message>
    <message>
        <source>not enough balance</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>an expired code</source>
        <translation>付款码已过期</translation>
    </message>
    <message>
        <source>a card that is not accepted</source>
        <translation>不支持的银行卡</translation>
    </message>
    <message>
        <source>Customer&apos;s payment &amp;code…</source>
        <translation>顾客付款码(&amp;C)…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train against the built-in sandbox gateway: no real money (the default without a merchant).</source>
        <translation>使用内置的沙箱支付网关培训：不涉及真实资金（未配置商户时的默认模式）。</translation>
    </message>
    <message>
        <source>Read merchant and terminal settings from the INI &lt;file&gt;.</source>
        <translation>从 INI 文件 &lt;file&gt; 读取商户和终端设置。</translation>
    </message>
    <message>
        <source>Keep the shop&apos;s data in the SQLite &lt;path&gt;.</source>
        <translation>把店铺数据保存在 SQLite 文件 &lt;path&gt; 中。</translation>
    </message>
    <message>
        <source>Import products from the CSV &lt;file&gt; (barcode,name,price_yuan,stock).</source>
        <translation>从 CSV 文件 &lt;file&gt; 导入商品（barcode,name,price_yuan,stock）。</translation>
    </message>
    <message>
        <source>Training: the sandbox customer pays every QR after &lt;ms&gt; milliseconds.</source>
        <translation>培训模式：沙箱顾客在 &lt;ms&gt; 毫秒后自动支付每个二维码。</translation>
    </message>
    <message>
        <source>Make one training sale through the window by itself, then exit: 0 once it is paid, 1 if not.</source>
        <translation>在窗口中自动完成一笔培训交易后退出：支付成功返回 0，否则返回 1。</translation>
    </message>
    <message>
        <source>With --smoke-test: save the window as a PNG &lt;file&gt; before charging.</source>
        <translation>与 --smoke-test 同用：收款前把窗口截图保存为 PNG 文件 &lt;file&gt;。</translation>
    </message>
    <message>
        <source>Shouyin point of sale: WeChat Pay QR checkout.</source>
        <translation>收银：支持微信扫码支付的门店收银系统。</translation>
    </message>
    <message>
        <source>Shouyin cannot start</source>
        <translation>收银无法启动</translation>
    </message>
    <message>
        <source>Shouyin POS</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>--auto-pay-ms needs a number of milliseconds.</source>
        <translation>--auto-pay-ms 需要一个毫秒数。</translation>
    </message>
    <message>
        <source>Scan the comma-separated &lt;barcodes&gt; and press Charge once the window is up (demonstrations, tests).</source>
        <translation>窗口打开后扫描以逗号分隔的条码 &lt;barcodes&gt; 并按“收款”（用于演示和测试）。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Waiting for the database server…
%1</source>
        <translation>正在等待数据库服务器…
%1</translation>
    </message>
    <message>
        <source>With --auto-charge: make &lt;n&gt; sales in a row, closing each payment dialog as a cashier would, then keep running (tests of several tills).</source>
        <translation>与 --auto-charge 一起使用：连续完成 &lt;n&gt; 笔销售，像收银员一样关闭每个收款窗口，然后继续运行（用于多台收银机的测试）。</translation>
    </message>
    <message>
        <source>--auto-charge-count needs a number of sales and --auto-charge.</source>
        <translation>--auto-charge-count 需要销售笔数，并且需要 --auto-charge。</translation>
    </message>
    <message>
        <source>With --auto-charge: pay with the customer&apos;s payment &lt;code&gt; instead of pressing Charge (tests).</source>
        <translation>与 --auto-charge 同用：用顾客付款码 &lt;code&gt; 付款，而不是按“收款”（用于测试）。</translation>
    </message>
</context>
<context>
    <name>shouyin::AlipayProvider</name>
    <message>
        <source>The gateway answered about another trade.</source>
        <translation>支付网关返回的是另一笔交易。</translation>
    </message>
    <message>
        <source>The gateway returned no QR code.</source>
        <translation>支付网关未返回二维码。</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer has no trade state.</source>
        <translation>支付网关的响应缺少交易状态。</translation>
    </message>
</context>
<context>
    <name>shouyin::CartModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>shouyin::Checkout</name>
    <message>
        <source>The cart is empty.</source>
        <translation>购物车是空的。</translation>
    </message>
    <message>
        <source>Quantities must be positive.</source>
        <translation>数量必须大于零。</translation>
    </message>
    <message>
        <source>A product in the cart no longer exists.</source>
        <translation>购物车中有商品已不存在。</translation>
    </message>
    <message>
        <source>The total is too large.</source>
        <translation>总金额过大。</translation>
    </message>
    <message>
        <source>There is nothing to charge.</source>
        <translation>没有需要收款的金额。</translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation>订单不存在。</translation>
    </message>
    <message>
        <source>The order is %1 and cannot be paid.</source>
        <translation>订单状态为 %1，无法支付。</translation>
    </message>
    <message>
        <source>Payment %1 of this order is still open.</source>
        <translation>该订单的支付 %1 尚未结束。</translation>
    </message>
    <message>
        <source>Unknown payment %1.</source>
        <translation>未知的支付 %1。</translation>
    </message>
</context>
<context>
    <name>shouyin::CheckoutPage</name>
    <message>
        <source>&amp;Barcode:</source>
        <translation>条码(&amp;B)：</translation>
    </message>
    <message>
        <source>Scan or type a barcode, then Enter</source>
        <translation>扫描或输入条码，然后按回车</translation>
    </message>
    <message>
        <source>C&amp;lear cart</source>
        <translation>清空购物车(&amp;L)</translation>
    </message>
    <message>
        <source>Charge (F12)</source>
        <translation>收款 (F12)</translation>
    </message>
    <message>
        <source>Unknown barcode: %1</source>
        <translation>未知条码：%1</translation>
    </message>
    <message>
        <source>This product is no longer in the catalogue.</source>
        <translation>该商品已不在商品目录中。</translation>
    </message>
    <message>
        <source>Cannot add %1: at most %2 of one product.</source>
        <translation>无法添加 %1：同一商品最多 %2 件。</translation>
    </message>
    <message>
        <source>Added %1 (%2)</source>
        <translation>已添加 %1（%2）</translation>
    </message>
    <message>
        <source>Added %1 × %2 (%3)</source>
        <translation>已添加 %1 × %2（%3）</translation>
    </message>
    <message>
        <source>Paid: order %1, %2</source>
        <translation>支付成功：订单 %1，%2</translation>
    </message>
    <message>
        <source>The QR code for order %1 expired without payment. The cart is kept: press F12 to charge again.</source>
        <translation>订单 %1 的二维码已过期，顾客未支付。购物车已保留：按 F12 重新收款。</translation>
    </message>
    <message>
        <source>Payment of order %1 cancelled. The cart is kept: press F12 to charge again.</source>
        <translation>订单 %1 的支付已取消。购物车已保留：按 F12 重新收款。</translation>
    </message>
    <message>
        <source>Order %1 was paid after all. Do not charge these goods again.</source>
        <translation>订单 %1 最终已支付成功。请勿对这些商品重复收款！</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more item(s)</source>
        <translation>
            <numerusform>%1 等另外 %n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The database server is unreachable: no payment can be recorded, so none is taken. The cart is kept.</source>
        <translation>无法连接数据库服务器：收款无法记录，因此暂停收款。购物车已保留。</translation>
    </message>
    <message>
        <source>Payment cancelled. The cart is kept: press F12 to charge again.</source>
        <translation>支付已取消。购物车已保留：按 F12 重新收款。</translation>
    </message>
    <message>
        <source>This payment code is not one the shop accepts. Ask the customer to pay another way.</source>
        <translation>本店不接受这种付款码。请顾客换一种方式付款。</translation>
    </message>
    <message>
        <source>Scan the goods first: the cart is empty. The payment code was not charged.</source>
        <translation>请先扫描商品：购物车为空。付款码未扣款。</translation>
    </message>
    <message>
        <source>Finish this payment first: the item was not added to the cart.</source>
        <translation>请先完成本次收款：该商品未加入购物车。</translation>
    </message>
    <message>
        <source>This payment code is not one the shop accepts.</source>
        <translation>本店不接受这种付款码。</translation>
    </message>
    <message>
        <source>Unknown code: %1</source>
        <translation>无法识别的码：%1</translation>
    </message>
    <message>
        <source>This sale is paid already: the code was not charged.</source>
        <translation>本笔交易已支付：该付款码未扣款。</translation>
    </message>
    <message>
        <source>Order %1 was paid too, after the customer&apos;s payment code: the customer has paid twice. Refund order %1 to them (History).</source>
        <translation>订单 %1 在顾客出示付款码后也已支付：顾客重复付款了。请为顾客退还订单 %1 的款项（在“历史”中）。</translation>
    </message>
</context>
<context>
    <name>shouyin::CsvExporter</name>
    <message>
        <source>Order no</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Pay no</source>
        <translation>支付单号</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>支付次数</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
    <message>
        <source>The export file is not open for writing.</source>
        <translation>导出文件未以写入方式打开。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
</context>
<context>
    <name>shouyin::DailyReporter</name>
    <message>
        <source>Choose a day.</source>
        <translation>请选择日期。</translation>
    </message>
</context>
<context>
    <name>shouyin::Database</name>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian/Ubuntu package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（Debian/Ubuntu 软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot connect to the database server %1: %2</source>
        <translation>无法连接数据库服务器 %1：%2</translation>
    </message>
    <message>
        <source>The database server %1 is unreachable; reconnecting.</source>
        <translation>无法连接数据库服务器 %1，正在重新连接。</translation>
    </message>
    <message>
        <source>A failed part of the transaction could not be undone; nothing of it was kept.</source>
        <translation>事务中失败的部分无法撤销；整个事务均未保存。</translation>
    </message>
    <message>
        <source>The database is at schema version %1, newer than this program (version %2) knows. Use the newer Shouyin, or a backup made for this one; nothing was written.</source>
        <translation>数据库的结构版本为 %1，比本程序所知的版本（%2）更新。请使用更新的收银程序，或使用为本版本所做的备份；未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database %2.</source>
        <translation>无法为数据库 %2 创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>无法创建数据库 %1：%2</translation>
    </message>
    <message>
        <source>The database %1 (or its folder) cannot be written: a till that cannot record a sale takes none. Check the permissions and the mount.</source>
        <translation>数据库 %1（或其所在文件夹）无法写入：无法记录销售的收银台不收款。请检查权限和挂载方式。</translation>
    </message>
    <message>
        <source>A part of the batch failed; nothing of it was kept.</source>
        <translation>批处理中有一部分失败；整批均未保存。</translation>
    </message>
</context>
<context>
    <name>shouyin::ExportProgressDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exporting %1 orders…</source>
        <translation>正在导出 %1 笔订单…</translation>
    </message>
    <message>
        <source>Exported %1 of %2 orders…</source>
        <translation>已导出 %1 笔订单，共 %2 笔…</translation>
    </message>
    <message>
        <source>Exported %1 orders to %2.</source>
        <translation>已将 %1 笔订单导出到 %2。</translation>
    </message>
</context>
<context>
    <name>shouyin::GatewayClient</name>
    <message>
        <source>The gateway&apos;s reply is too large.</source>
        <translation>支付网关的响应过大。</translation>
    </message>
    <message>
        <source>The payment gateway did not answer in time.</source>
        <translation>支付网关未及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the payment gateway: %1</source>
        <translation>无法连接支付网关：%1</translation>
    </message>
    <message>
        <source>The payment gateway answered HTTP %1.</source>
        <translation>支付网关返回 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>shouyin::HistoryModel</name>
    <message>
        <source>Order no</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>支付次数</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
</context>
<context>
    <name>shouyin::HistoryPage</name>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Order no or its beginning</source>
        <translation>订单号（可只输入开头部分）</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>支付次数</translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation>查看订单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>%1 of %2 orders shown</source>
        <translation>显示 %1 笔订单，共 %2 笔</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Order no:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation>收银员：</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>终端：</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>全部支付方式</translation>
    </message>
    <message>
        <source>All terminals</source>
        <translation>全部终端</translation>
    </message>
    <message>
        <source>All cashiers</source>
        <translation>全部收银员</translation>
    </message>
    <message>
        <source>%1 orders shown</source>
        <translation>显示 %1 笔订单</translation>
    </message>
    <message>
        <source>orders-%1.csv</source>
        <translation>订单-%1.csv</translation>
    </message>
    <message>
        <source>Export orders to CSV</source>
        <translation>导出订单为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>shouyin::HistoryQuery</name>
    <message>
        <source>A cashier can only see their own orders.</source>
        <translation>收银员只能查看自己的订单。</translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation>订单不存在。</translation>
    </message>
</context>
<context>
    <name>shouyin::HttpListener</name>
    <message>
        <source>The listener is already listening.</source>
        <translation>通知监听器已在监听。</translation>
    </message>
</context>
<context>
    <name>shouyin::LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in to the till</source>
        <translation>登录收银台</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>shouyin::MainWindow</name>
    <message>
        <source>Shouyin POS — Training</source>
        <translation>收银 — 培训模式</translation>
    </message>
    <message>
        <source>Shouyin POS</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>TRAINING — no real money</source>
        <translation>培训模式 — 不涉及真实资金</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>操作员：%1</translation>
    </message>
    <message>
        <source>Training mode: payments go to the local sandbox.</source>
        <translation>培训模式：支付请求发往本机沙箱。</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Operator: %1 (no users set up yet)</source>
        <translation>操作员：%1（尚未设置用户）</translation>
    </message>
    <message>
        <source>Nobody is signed in at this till.</source>
        <translation>本收银台当前无人登录。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>账户(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;in / switch user…</source>
        <translation>登录/切换用户(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Finish or cancel the open payment first.</source>
        <translation>请先完成或取消当前的支付。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>交易流水</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>The database server is unreachable. Payments are paused until it is back; reconnecting…</source>
        <translation>无法连接数据库服务器。恢复连接前暂停收款；正在重新连接…</translation>
    </message>
    <message>
        <source>The database server is back.</source>
        <translation>数据库服务器已恢复连接。</translation>
    </message>
    <message>
        <source>The database server is unreachable.</source>
        <translation>无法连接数据库服务器。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Alert: %1 — order %2. Tell a manager; Reports lists it.</source>
        <translation>警报：%1 — 订单 %2。请告知店长；报表中有记录。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>shouyin::ManagerSetupDialog</name>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Set up the manager</source>
        <translation>设置店长</translation>
    </message>
    <message>
        <source>Welcome to Shouyin. Create the shop manager&apos;s account: the manager signs in with this PIN to see History and Reports, change Settings and add cashiers.</source>
        <translation>欢迎使用收银。请创建店长账号：店长用此 PIN 码登录后，可查看交易流水和报表、修改设置并添加收银员。</translation>
    </message>
    <message>
        <source>Manager &amp;name:</source>
        <translation>店长姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;PIN (%1 to %2 digits):</source>
        <translation>PIN 码(&amp;P)（%1 到 %2 位数字）：</translation>
    </message>
    <message>
        <source>&amp;Repeat the PIN:</source>
        <translation>再次输入 PIN 码(&amp;R)：</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>创建店长</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
</context>
<context>
    <name>shouyin::Money</name>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
</context>
<context>
    <name>shouyin::OrderDetailDialog</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Pay no</source>
        <translation>支付单号</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Provider&apos;s transaction</source>
        <translation>支付平台交易号</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近一次错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单号 %1</translation>
    </message>
    <message>
        <source>Order %1 — %2</source>
        <translation>订单号 %1 — %2</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>支付时间：</translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation>收银员：</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>终端：</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <source>Payment attempts</source>
        <translation>支付记录</translation>
    </message>
    <message>
        <source>Pay log</source>
        <translation>支付日志</translation>
    </message>
</context>
<context>
    <name>shouyin::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>QR code expires in</source>
        <translation>二维码剩余有效时间</translation>
    </message>
    <message>
        <source>&amp;Simulate customer payment</source>
        <translation>模拟顾客支付(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>TRAINING — no real money</source>
        <translation>培训模式 — 不涉及真实资金</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单号 %1</translation>
    </message>
    <message>
        <source>Requesting QR…</source>
        <translation>正在获取二维码…</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <source>No QR code: %1</source>
        <translation>未能获取二维码：%1</translation>
    </message>
    <message>
        <source>No QR code: the request failed.</source>
        <translation>未能获取二维码：请求失败。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The QR code expired without payment. The order will be cancelled.</source>
        <translation>二维码已过期，顾客未支付。订单将被取消。</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>--:--</source>
        <translation>--:--</translation>
    </message>
    <message>
        <source>The customer is paying…</source>
        <translation>顾客正在支付…</translation>
    </message>
    <message>
        <source>Simulated payment failed: %1</source>
        <translation>模拟支付失败：%1</translation>
    </message>
    <message>
        <source>The customer has paid. Waiting for confirmation…</source>
        <translation>顾客已付款，正在等待确认…</translation>
    </message>
    <message>
        <source>Scan with %1</source>
        <translation>请用 %1 扫码付款</translation>
    </message>
    <message>
        <source>The database server is unreachable. A payment made now is recorded as soon as it is back: keep the customer at the counter until this screen says Paid.</source>
        <translation>无法连接数据库服务器。现在完成的付款会在连接恢复后立即记录：请让顾客在柜台稍候，直到本窗口显示“支付成功”。</translation>
    </message>
    <message>
        <source>Show &amp;QR instead</source>
        <translation>改用二维码(&amp;Q)</translation>
    </message>
    <message>
        <source>Payment code: %1</source>
        <translation>付款码：%1</translation>
    </message>
    <message>
        <source>Time left to confirm</source>
        <translation>剩余确认时间</translation>
    </message>
    <message>
        <source>Scan the QR code with %1 to pay, or scan the customer&apos;s payment code</source>
        <translation>请用 %1 扫描二维码付款，或扫描顾客的付款码</translation>
    </message>
    <message>
        <source>Checking the payment…</source>
        <translation>正在查询支付结果…</translation>
    </message>
    <message>
        <source>Charging the customer&apos;s payment code…</source>
        <translation>正在使用顾客付款码扣款…</translation>
    </message>
    <message>
        <source>Waiting for the customer to confirm on their phone (password)…</source>
        <translation>等待顾客在手机上确认（输入密码）…</translation>
    </message>
    <message>
        <source>No clear answer from %1 yet: asking again. Keep the customer at the counter.</source>
        <translation>%1 暂未给出明确结果，正在再次查询。请让顾客在柜台稍候。</translation>
    </message>
    <message>
        <source>Cancelled: the payment is being cancelled with %1.</source>
        <translation>已取消：正在向 %1 撤销这笔支付。</translation>
    </message>
    <message>
        <source>The customer did not confirm in time: cancelling the payment with %1. Nothing will be taken.</source>
        <translation>顾客未在规定时间内确认：正在向 %1 撤销这笔支付，不会扣款。</translation>
    </message>
    <message>
        <source>%1

Scan the customer&apos;s new code, or show the QR.</source>
        <translation>%1

请扫描顾客的新付款码，或改用二维码。</translation>
    </message>
</context>
<context>
    <name>shouyin::PaymentSession</name>
    <message>
        <source>The payment was closed by the provider. Charge again to retry.</source>
        <translation>支付平台已关闭这笔支付。请重新收款。</translation>
    </message>
    <message>
        <source>The order could not be placed: %1</source>
        <translation>无法创建订单：%1</translation>
    </message>
    <message>
        <source>The customer did not confirm in time. The payment was cancelled with the provider: nothing was taken.</source>
        <translation>顾客未在规定时间内确认，支付已向支付平台撤销，未扣款。</translation>
    </message>
    <message>
        <source>The payment did not go through on the customer&apos;s phone (wrong password, or cancelled).</source>
        <translation>顾客手机上的支付未成功（密码错误或已取消）。</translation>
    </message>
    <message>
        <source>The provider cancelled the payment: nothing was taken.</source>
        <translation>支付平台已撤销这笔支付，未扣款。</translation>
    </message>
</context>
<context>
    <name>shouyin::PosApplication</name>
    <message>
        <source>The training gateway could not listen on 127.0.0.1.</source>
        <translation>培训网关无法在 127.0.0.1 上监听。</translation>
    </message>
    <message>
        <source>The notification listener cannot listen on %1:%2: %3</source>
        <translation>支付通知服务无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory for training.</source>
        <translation>无法为培训模式创建临时目录。</translation>
    </message>
    <message>
        <source>The training gateway&apos;s Alipay keys are unusable.</source>
        <translation>培训网关的支付宝密钥无法使用。</translation>
    </message>
    <message>
        <source>Training — terminal %1</source>
        <translation>培训模式 — 终端 %1</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <source>The training gateway could not listen for TLS on 127.0.0.1.</source>
        <translation>培训网关无法在 127.0.0.1 上监听 TLS 连接。</translation>
    </message>
</context>
<context>
    <name>shouyin::ProductPicker</name>
    <message>
        <source>&amp;Search products (F3):</source>
        <translation>搜索商品(&amp;S) (F3)：</translation>
    </message>
    <message>
        <source>Name or barcode</source>
        <translation>名称或条码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
</context>
<context>
    <name>shouyin::ReportsPage</name>
    <message>
        <source>1 order</source>
        <translation>1 笔订单</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 笔订单</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Sales by hour (yuan)</source>
        <translation>每小时营业额（元）</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>异常警报</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>End-of-day summary %1</source>
        <translation>营业日报 %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>无法保存 %1。</translation>
    </message>
    <message>
        <source>end-of-day-%1.pdf</source>
        <translation>营业日报-%1.pdf</translation>
    </message>
    <message>
        <source>Save the end-of-day summary</source>
        <translation>保存营业日报</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print the end-of-day summary</source>
        <translation>打印营业日报</translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsEditor</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>A merchant key needs the app ID and the merchant ID.</source>
        <translation>设置商户密钥前需要先填写 AppID 和商户号。</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory.</source>
        <translation>无法创建临时目录。</translation>
    </message>
    <message>
        <source>Cannot write the key file %1: %2</source>
        <translation>无法写入密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>1 to 8 letters or digits, e.g. T01</source>
        <translation>1 到 8 位字母或数字，例如 T01</translation>
    </message>
    <message>
        <source>Empty for training mode</source>
        <translation>留空则为培训模式</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1:8089; empty: polling only</source>
        <translation>例如 127.0.0.1:8089；留空则仅轮询</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Merchant (WeChat Pay API v2)</source>
        <translation>商户（微信支付 API v2）</translation>
    </message>
    <message>
        <source>App ID:</source>
        <translation>AppID：</translation>
    </message>
    <message>
        <source>Merchant ID:</source>
        <translation>商户号：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>支付网关：</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>签名方式：</translation>
    </message>
    <message>
        <source>Till and notifications</source>
        <translation>收银台与支付通知</translation>
    </message>
    <message>
        <source>Terminal ID:</source>
        <translation>终端号：</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>监听地址：</translation>
    </message>
    <message>
        <source>Public notify URL:</source>
        <translation>公网通知地址：</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>QR code deadline:</source>
        <translation>二维码有效期：</translation>
    </message>
    <message>
        <source>Gateway timeout:</source>
        <translation>网关超时：</translation>
    </message>
    <message>
        <source>Default provider:</source>
        <translation>默认支付方式：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>This till was started without a configuration file.</source>
        <translation>本收银台启动时未使用配置文件。</translation>
    </message>
    <message>
        <source>32 characters</source>
        <translation>32 个字符</translation>
    </message>
    <message>
        <source>Stored key ends in %1; type to replace it</source>
        <translation>已保存的密钥末尾为 %1；输入新密钥即可替换</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>Saved. Restart Shouyin for the changes to take effect.</source>
        <translation>已保存。重启收银后更改生效。</translation>
    </message>
</context>
<context>
    <name>shouyin::Staff</name>
    <message>
        <source>Please sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>%1 is not allowed to do this; a manager is.</source>
        <translation>%1 无权执行此操作，需要店长权限。</translation>
    </message>
</context>
<context>
    <name>shouyin::TillLedger</name>
    <message>
        <source>Cannot read the catalogue %1.</source>
        <translation>无法读取商品目录 %1。</translation>
    </message>
</context>
<context>
    <name>shouyin::TrainingCustomer</name>
    <message>
        <source>The training gateway answered HTTP %1: %2</source>
        <translation>培训网关返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>Cannot reach the training gateway at %1: %2</source>
        <translation>无法连接培训网关 %1：%2</translation>
    </message>
</context>
<context>
    <name>shouyin::UserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>为 %1 设置新 PIN 码</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;PIN (%1 to %2 digits):</source>
        <translation>PIN 码(&amp;P)（%1 到 %2 位数字）：</translation>
    </message>
    <message>
        <source>Re&amp;peat the PIN:</source>
        <translation>再次输入 PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits.</source>
        <translation>PIN 码为 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
</context>
<context>
    <name>shouyin::UserStore</name>
    <message>
        <source>A user name needs 1 to %1 characters.</source>
        <translation>用户名需要 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits.</source>
        <translation>PIN 码为 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <source>The PIN could not be protected.</source>
        <translation>无法加密保存 PIN 码。</translation>
    </message>
    <message>
        <source>The shop already has users.</source>
        <translation>店铺已有用户。</translation>
    </message>
    <message>
        <source>There is already a user called %1.</source>
        <translation>已存在名为 %1 的用户。</translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation>不存在名为 %1 的用户。</translation>
    </message>
    <message>
        <source>The user %1 has no valid role.</source>
        <translation>用户 %1 没有有效的角色。</translation>
    </message>
    <message>
        <source>The user %1 has been deactivated.</source>
        <translation>用户 %1 已被停用。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: %1 is locked until %2.</source>
        <translation>PIN 码错误次数过多：%1 已被锁定至 %2。</translation>
    </message>
    <message>
        <source>The user %1 is locked or was deactivated.</source>
        <translation>用户 %1 已被锁定或停用。</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>The shop needs at least one active manager.</source>
        <translation>店铺至少需要一名启用的店长。</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 more attempt before the account is locked.</source>
        <translation>PIN 码错误。再错 1 次账号将被锁定。</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more attempts before the account is locked.</source>
        <translation>PIN 码错误。再错 %1 次账号将被锁定。</translation>
    </message>
</context>
<context>
    <name>shouyin::UsersPanel</name>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>PIN 码错误次数</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>New &amp;PIN…</source>
        <translation>重设 PIN 码(&amp;P)…</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 现在可以登录了。</translation>
    </message>
    <message>
        <source>%1 has a new PIN and is unlocked.</source>
        <translation>%1 已设置新 PIN 码并已解锁。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已停用，无法再登录。</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV2Provider</name>
    <message>
        <source>The gateway returned no QR code.</source>
        <translation>支付网关未返回二维码。</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer has no trade state.</source>
        <translation>支付网关的响应缺少交易状态。</translation>
    </message>
    <message>
        <source>The gateway answered about another trade.</source>
        <translation>支付网关返回的是另一笔交易。</translation>
    </message>
</context>
</TS>
