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
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Back on the shelf</source>
        <translation>放回货架</translation>
    </message>
    <message>
        <source>Damaged, written off</source>
        <translation>损坏报废</translation>
    </message>
    <message>
        <source>No goods</source>
        <translation>无商品</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Processing at the provider</source>
        <translation>支付机构处理中</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <source>Refund result does not match</source>
        <translation>退款结果不符</translation>
    </message>
    <message>
        <source>Goods returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>已申请退款</translation>
    </message>
    <message>
        <source>Cash refunded from the drawer</source>
        <translation>已从钱箱退还现金</translation>
    </message>
    <message>
        <source>Refund accepted by the provider</source>
        <translation>支付机构已受理退款</translation>
    </message>
    <message>
        <source>Cash to give back to the customer</source>
        <translation>待还给顾客的现金</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>收取现金</translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation>已退还现金</translation>
    </message>
    <message>
        <source>Payment given up for another</source>
        <translation>改用其他支付，本笔放弃</translation>
    </message>
</context>
<context>
    <name>EscPosPrinter</name>
    <message>
        <source>The receipt printer at %1 does not answer: is it switched on and connected?</source>
        <translation>小票打印机 %1 无响应：请检查是否已开机并连接好。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 cannot be found on the network: is its name spelt right?</source>
        <translation>在网络上找不到小票打印机 %1：请检查名称是否写对。</translation>
    </message>
    <message>
        <source>The till may not use the receipt printer at %1: its user needs to be in the printer&apos;s group (lp for USB, dialout for serial).</source>
        <translation>收银程序无权使用小票打印机 %1：运行收银的系统用户需加入打印机的用户组（USB 为 lp，串口为 dialout）。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 is in use by another program.</source>
        <translation>小票打印机 %1 正被其他程序占用。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 stopped taking the job: is it out of paper, or is its cover open?</source>
        <translation>小票打印机 %1 停止接收打印任务：请检查是否缺纸或上盖未合上。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 went away in the middle of a job.</source>
        <translation>小票打印机 %1 在打印过程中断开了连接。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 is out of paper.</source>
        <translation>小票打印机 %1 缺纸。</translation>
    </message>
    <message>
        <source>There is no receipt printer at %1: is it plugged in and switched on?</source>
        <translation>%1 上没有小票打印机：请检查是否已插好并开机。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 cannot be opened: %2.</source>
        <translation>无法打开小票打印机 %1：%2。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 went away in the middle of a job: is it plugged in?</source>
        <translation>小票打印机 %1 在打印过程中断开了连接：请检查是否已插好。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 failed to take the job: %2.</source>
        <translation>小票打印机 %1 未能接收打印任务：%2。</translation>
    </message>
    <message>
        <source>The cover of the receipt printer at %1 is open.</source>
        <translation>小票打印机 %1 的上盖未合上。</translation>
    </message>
    <message>
        <source>The receipt printer at %1 reports an error: a paper jam, the cutter, or it is too hot.</source>
        <translation>小票打印机 %1 报告故障：卡纸、切刀故障或过热。</translation>
    </message>
</context>
<context>
    <name>EscPosTarget</name>
    <message>
        <source>The receipt printer %1 has a bad port &quot;%2&quot;: expected a number from 1 to 65535, as in tcp://192.168.1.87:9100.</source>
        <translation>小票打印机 %1 的端口“%2”无效：应为 1 到 65535 之间的数字，例如 tcp://192.168.1.87:9100。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has no address: expected tcp://HOST[:PORT], as in tcp://192.168.1.87:9100.</source>
        <translation>小票打印机 %1 缺少地址：应为 tcp://HOST[:PORT]，例如 tcp://192.168.1.87:9100。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has a path after its address: expected tcp://HOST[:PORT] and nothing more.</source>
        <translation>小票打印机 %1 的地址后带有路径：应为 tcp://HOST[:PORT]，后面不能再有其他内容。</translation>
    </message>
    <message>
        <source>The receipt printer %1 lacks the &quot;]&quot; closing its IPv6 address: expected tcp://[ADDRESS]:PORT.</source>
        <translation>小票打印机 %1 的 IPv6 地址缺少结尾的“]”：应为 tcp://[ADDRESS]:PORT。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has &quot;%2&quot; in brackets, which is not an IPv6 address.</source>
        <translation>小票打印机 %1 方括号中的“%2”不是 IPv6 地址。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has an IPv6 address without brackets: expected tcp://[ADDRESS]:PORT, as in tcp://[fe80::1]:9100.</source>
        <translation>小票打印机 %1 的 IPv6 地址没有加方括号：应为 tcp://[ADDRESS]:PORT，例如 tcp://[fe80::1]:9100。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has no host before its port: expected tcp://HOST[:PORT].</source>
        <translation>小票打印机 %1 的端口前缺少主机：应为 tcp://HOST[:PORT]。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has &quot;%2&quot;, which is neither a host name nor an IPv4 address.</source>
        <translation>小票打印机 %1 中的“%2”既不是主机名，也不是 IPv4 地址。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has &quot;%2&quot; after its address: expected a port, as in tcp://[fe80::1]:9100.</source>
        <translation>小票打印机 %1 的地址后面是“%2”：此处应为端口，例如 tcp://[fe80::1]:9100。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has no path: expected one, as in %2.</source>
        <translation>小票打印机 %1 缺少路径：请填写路径，例如 %2。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has a relative path: expected an absolute one, as in %2.</source>
        <translation>小票打印机 %1 的路径是相对路径：应为绝对路径，例如 %2。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has a path with a NUL character.</source>
        <translation>小票打印机 %1 的路径中含有 NUL 字符。</translation>
    </message>
    <message>
        <source>The receipt printer %1 names a host: expected a local path, as in file:/dev/usb/lp0.</source>
        <translation>小票打印机 %1 指定了主机：应为本机路径，例如 file:/dev/usb/lp0。</translation>
    </message>
    <message>
        <source>The receipt printer %1 has a bad baud rate &quot;%2&quot;: expected one of %3, as in serial:/dev/ttyUSB0@19200.</source>
        <translation>小票打印机 %1 的波特率“%2”无效：应为 %3 之一，例如 serial:/dev/ttyUSB0@19200。</translation>
    </message>
    <message>
        <source>No receipt printer is given: expected tcp://HOST[:PORT], file:/dev/usb/lp0 or serial:/dev/ttyUSB0[@BAUD].</source>
        <translation>未指定小票打印机：应为 tcp://HOST[:PORT]、file:/dev/usb/lp0 或 serial:/dev/ttyUSB0[@BAUD]。</translation>
    </message>
    <message>
        <source>The receipt printer %1 lacks the &quot;//&quot;: expected tcp://HOST[:PORT].</source>
        <translation>小票打印机 %1 缺少“//”：应为 tcp://HOST[:PORT]。</translation>
    </message>
    <message>
        <source>The receipt printer %1 is of an unknown kind: expected tcp://HOST[:PORT], file:/dev/usb/lp0 or serial:/dev/ttyUSB0[@BAUD].</source>
        <translation>小票打印机 %1 的类型未知：应为 tcp://HOST[:PORT]、file:/dev/usb/lp0 或 serial:/dev/ttyUSB0[@BAUD]。</translation>
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
    <name>PayLogText</name>
    <message>
        <source>At the counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Asked the provider</source>
        <translation>向支付机构查询</translation>
    </message>
    <message>
        <source>Provider&apos;s notification</source>
        <translation>支付机构通知</translation>
    </message>
    <message>
        <source>Closing the payment</source>
        <translation>关闭支付</translation>
    </message>
    <message>
        <source>Check at start-up</source>
        <translation>启动时检查</translation>
    </message>
    <message>
        <source>Settled in the background</source>
        <translation>后台结算</translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation>尚未支付</translation>
    </message>
    <message>
        <source>Customer entering the password</source>
        <translation>顾客正在输入密码</translation>
    </message>
    <message>
        <source>Accepted, debit pending</source>
        <translation>已受理，等待扣款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Paid, then refunded</source>
        <translation>已支付，后已退款</translation>
    </message>
    <message>
        <source>Closed without payment</source>
        <translation>未支付即关闭</translation>
    </message>
    <message>
        <source>Cancelled by the shop</source>
        <translation>商户已撤销</translation>
    </message>
    <message>
        <source>Payment failed at the bank</source>
        <translation>银行扣款失败</translation>
    </message>
    <message>
        <source>Unknown to the provider</source>
        <translation>支付机构查无此单</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>支付机构</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Pay no</source>
        <translation>支付单号</translation>
    </message>
    <message>
        <source>Refund no</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Provider&apos;s trade no</source>
        <translation>支付机构交易号</translation>
    </message>
    <message>
        <source>Provider&apos;s refund no</source>
        <translation>支付机构退款号</translation>
    </message>
    <message>
        <source>Provider says</source>
        <translation>支付机构说明</translation>
    </message>
    <message>
        <source>Provider&apos;s answer</source>
        <translation>支付机构答复</translation>
    </message>
    <message>
        <source>Status before</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>Order paid in full</source>
        <translation>订单已付清</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>cancelled by the cashier</source>
        <translation>收银员取消</translation>
    </message>
    <message>
        <source>the payment&apos;s deadline passed</source>
        <translation>已过支付期限</translation>
    </message>
    <message>
        <source>left open, found at start-up</source>
        <translation>未完成，启动时发现</translation>
    </message>
    <message>
        <source>the customer chose another way to pay</source>
        <translation>顾客改用其他方式支付</translation>
    </message>
    <message>
        <source>another payment paid the order</source>
        <translation>订单已由另一笔支付付清</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Small change dropped</source>
        <translation>抹零</translation>
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
    <name>PrintJob</name>
    <message>
        <source>The printer %1 did not take the job: %2</source>
        <translation>打印机 %1 未接收打印任务：%2</translation>
    </message>
    <message>
        <source>There is no default printer. Choose a printer in the settings.</source>
        <translation>没有默认打印机。请在设置中选择打印机。</translation>
    </message>
    <message>
        <source>There is no printer named %1, or the print system cannot be reached.</source>
        <translation>没有名为 %1 的打印机，或无法连接打印系统。</translation>
    </message>
    <message>
        <source>The printer %1 cannot be opened.</source>
        <translation>无法打开打印机 %1。</translation>
    </message>
    <message>
        <source>The printer %1 cannot start a print job.</source>
        <translation>打印机 %1 无法开始打印任务。</translation>
    </message>
    <message>
        <source>The job could not be sent to the printer %1.</source>
        <translation>无法将打印任务发送到打印机 %1。</translation>
    </message>
    <message>
        <source>No folder is set for the PDF files.</source>
        <translation>未设置保存 PDF 文件的文件夹。</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 for the PDF files.</source>
        <translation>无法创建保存 PDF 文件的文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation>无法将 %1 设为仅本用户可读写：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>RefundText</name>
    <message>
        <source>cash from the drawer %1</source>
        <translation>钱箱现金 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2 refunded)</source>
        <translation>%1（已退 %2）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 goes back to %2</source>
        <translation>%1 退回%2</translation>
    </message>
    <message>
        <source>Give the customer %1 from the drawer.</source>
        <translation>从钱箱取 %1 交给顾客。</translation>
    </message>
    <message>
        <source>Give the customer %1 from the drawer; %2.</source>
        <translation>从钱箱取 %1 交给顾客；%2。</translation>
    </message>
    <message>
        <source>%1; nothing from the drawer.</source>
        <translation>%1；无需从钱箱取现金。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>净收入</translation>
    </message>
    <message>
        <source>Refunds still at the provider</source>
        <translation>支付机构处理中的退款</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Cancelling (the provider confirms the close)</source>
        <translation>撤销中（等待支付机构确认关闭）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Discounts given (and small change dropped: %1)</source>
        <translation>优惠（含抹零 %1）</translation>
    </message>
</context>
<context>
    <name>ShiftReportText</name>
    <message>
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>销售（%1 笔）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2 笔）</translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>收取现金</translation>
    </message>
    <message>
        <source>Change given</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation>退还现金</translation>
    </message>
    <message>
        <source>Paid in (%1)</source>
        <translation>存入（%1 笔）</translation>
    </message>
    <message>
        <source>Paid out (%1)</source>
        <translation>取出（%1 笔）</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>开钱箱（无交易）</translation>
    </message>
    <message>
        <source>over</source>
        <translation>长款</translation>
    </message>
    <message>
        <source>short</source>
        <translation>短款</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>账实相符</translation>
    </message>
    <message>
        <source>Difference (%1)</source>
        <translation>差额（%1）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首笔订单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>末笔订单</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>(shift still open)</source>
        <translation>（尚未交班）</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>交班人</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>钱箱应有</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Z-report No. %1</source>
        <translation>第 %1 号 Z 报表</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>the till&apos;s first record</source>
        <translation>本收银台第一条记录</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Shifts (%1)</source>
        <translation>班次（%1 个）</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>未交班</translation>
    </message>
    <message>
        <source>A shift is still open: its drawer is not counted yet.</source>
        <translation>有班次尚未交班：其钱箱尚未清点。</translation>
    </message>
    <message>
        <source>Counted (closed shifts)</source>
        <translation>实点（已交班班次）</translation>
    </message>
    <message>
        <source>+%1 over</source>
        <translation>长款 +%1</translation>
    </message>
    <message>
        <source>-%1 short</source>
        <translation>短款 -%1</translation>
    </message>
    <message>
        <source>%1 balanced</source>
        <translation>账实相符（差额 %1）</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <source>Cash refunded</source>
        <translation>现金退款</translation>
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
    <message>
        <source>Training: take WeChat Pay through API v3 (the sandbox&apos;s merchant with the WeChat Pay public key) instead of v2.</source>
        <translation>培训：微信支付走 API v3（沙箱商户，使用微信支付公钥），而不是 v2。</translation>
    </message>
</context>
<context>
    <name>shouyin::AdvancedSettingsBox</name>
    <message>
        <source>Advan&amp;ced: notifications, gateways, timeout</source>
        <translation>高级(&amp;C)：通知、网关、超时</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1:8089; empty: polling only</source>
        <translation>例如 127.0.0.1:8089；留空：只轮询</translation>
    </message>
    <message>
        <source>Empty: the WeChat Pay gateway</source>
        <translation>留空：同微信支付网关</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>监听地址(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;WeChat Pay notify URL:</source>
        <translation>微信支付通知地址(&amp;W)：</translation>
    </message>
    <message>
        <source>Alipay notify URL:</source>
        <translation>支付宝通知地址：</translation>
    </message>
    <message>
        <source>Signat&amp;ure:</source>
        <translation>签名方式(&amp;U)：</translation>
    </message>
    <message>
        <source>WeChat Pay gateway:</source>
        <translation>微信支付网关：</translation>
    </message>
    <message>
        <source>Refunds and reverses gateway:</source>
        <translation>退款和撤销网关：</translation>
    </message>
    <message>
        <source>Alipay gateway:</source>
        <translation>支付宝网关：</translation>
    </message>
    <message>
        <source>Ma&amp;x. wait for a gateway:</source>
        <translation>网关最长等待(&amp;X)：</translation>
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
    <message>
        <source>The gateway answered about another refund.</source>
        <translation>网关的回复针对的是另一笔退款。</translation>
    </message>
</context>
<context>
    <name>shouyin::AlipaySettingsBox</name>
    <message>
        <source>Alipay merchant</source>
        <translation>支付宝商户</translation>
    </message>
    <message>
        <source>2021…; empty: Alipay not used</source>
        <translation>2021…；留空：不使用支付宝</translation>
    </message>
    <message>
        <source>The app&apos;s private key (PEM)</source>
        <translation>应用私钥（PEM）</translation>
    </message>
    <message>
        <source>Alipay&apos;s public key (PEM), not the app&apos;s own</source>
        <translation>支付宝公钥（PEM），不是应用自己的公钥</translation>
    </message>
    <message>
        <source>2088…; optional</source>
        <translation>2088…；可不填</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key *.txt);;All files (*)</source>
        <translation>PEM 密钥 (*.pem *.key *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Alipa&amp;y app ID:</source>
        <translation>支付宝应用 ID(&amp;Y)：</translation>
    </message>
    <message>
        <source>App pri&amp;vate key file:</source>
        <translation>应用私钥文件(&amp;V)：</translation>
    </message>
    <message>
        <source>Alipay pu&amp;blic key file:</source>
        <translation>支付宝公钥文件(&amp;B)：</translation>
    </message>
    <message>
        <source>Se&amp;ller ID:</source>
        <translation>卖家 ID(&amp;L)：</translation>
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
    <message>
        <source>%1  (%2% off)</source>
        <translation>%1  （减 %2%）</translation>
    </message>
    <message>
        <source>%1  (%2 off)</source>
        <translation>%1  （减 %2）</translation>
    </message>
</context>
<context>
    <name>shouyin::CashDialog</name>
    <message>
        <source>Cash</source>
        <translation>现金收款</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>应收：%1</translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation>正好 %1</translation>
    </message>
    <message>
        <source>Take cash (Enter)</source>
        <translation>确认收款 (Enter)</translation>
    </message>
    <message>
        <source>Cash &amp;given:</source>
        <translation>实收现金(&amp;G)：</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <source>Still due: %1 (QR or payment code)</source>
        <translation>尚欠：%1（用二维码或付款码支付）</translation>
    </message>
    <message>
        <source>Change of %1? Check the amount.</source>
        <translation>找零 %1？请核对金额。</translation>
    </message>
</context>
<context>
    <name>shouyin::Catalog</name>
    <message numerus="yes">
        <source>%n line(s) of the file cannot be imported; nothing was written.</source>
        <translation>
            <numerusform>文件中有 %n 行无法导入；什么都没有写入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 行</numerusform>
        </translation>
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
    <message>
        <source>Enter the cash the customer gave.</source>
        <translation>请输入顾客付的现金金额。</translation>
    </message>
    <message>
        <source>The order is paid already.</source>
        <translation>该订单已支付。</translation>
    </message>
    <message>
        <source>Payment %1 is no longer the one the customer pays.</source>
        <translation>支付 %1 已不是顾客正在支付的那一笔。</translation>
    </message>
    <message>
        <source>The label of %1 carries no price.</source>
        <translation>%1 的标签上没有价格。</translation>
    </message>
    <message>
        <source>%1 has a fixed price; it cannot be typed.</source>
        <translation>%1 是固定价格，不能手输。</translation>
    </message>
    <message>
        <source>Type the price of %1.</source>
        <translation>请输入 %1 的价格。</translation>
    </message>
    <message>
        <source>The price of %1 is ¥0.01 to %2.</source>
        <translation>%1 的价格须在 ¥0.01 到 %2 之间。</translation>
    </message>
    <message>
        <source>%1 is no longer sold.</source>
        <translation>%1 已停售。</translation>
    </message>
    <message>
        <source>Only %1 of %2 left to sell (%3 in the cart).</source>
        <translation>%2 只剩 %1 件可卖（购物车里有 %3 件）。</translation>
    </message>
    <message>
        <source>A discount of %1 is more than a cashier may give (%2% of %3); a manager must approve it.</source>
        <translation>优惠 %1 超出收银员的权限（%3 的 %2%），须经店长批准。</translation>
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
    <message>
        <source>Cash (F8)</source>
        <translation>现金 (F8)</translation>
    </message>
    <message>
        <source>Last receipt (F9)</source>
        <translation>上一张小票 (F9)</translation>
    </message>
    <message>
        <source>Still due, of %1:</source>
        <translation>共 %1，尚欠：</translation>
    </message>
    <message>
        <source>No receipt printed: %1</source>
        <translation>未打印小票：%1</translation>
    </message>
    <message>
        <source>The receipt of order %1 did not print: %2 Press F9 to print it again.</source>
        <translation>订单 %1 的小票未打印：%2 按 F9 重新打印。</translation>
    </message>
    <message>
        <source>Receipt of order %1 printed (%2).</source>
        <translation>订单 %1 的小票已打印（%2）。</translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation>钱箱未能打开：%1</translation>
    </message>
    <message>
        <source>The database server is unreachable: no sale can be recorded, so no cash is taken. The cart is kept.</source>
        <translation>无法连接数据库服务器：销售无法记录，因此暂停现金收款。购物车已保留。</translation>
    </message>
    <message>
        <source>The cash was not recorded: %1 Nothing was sold; give the cash back.</source>
        <translation>现金收款未记录：%1 本笔未成交，请把现金退还顾客。</translation>
    </message>
    <message>
        <source>Cash %1 taken for order %2. %3 is still due: charge it with the QR (F12) or scan the customer&apos;s payment code.</source>
        <translation>订单 %2 已收现金 %1。尚欠 %3：请用二维码收款 (F12)，或扫描顾客付款码。</translation>
    </message>
    <message>
        <source>Paid: order %1, %2. Change: %3</source>
        <translation>支付成功：订单 %1，%2。找零：%3</translation>
    </message>
    <message>
        <source>Does the customer want a receipt? Press F9 to print it.</source>
        <translation>顾客需要小票吗？按 F9 打印。</translation>
    </message>
    <message>
        <source>Part of this sale is paid in cash: charge the %1 still due, or Clear cart to cancel the sale and give the cash back.</source>
        <translation>本笔交易已用现金付了一部分：请收取尚欠的 %1，或按“清空购物车”取消交易并退还现金。</translation>
    </message>
    <message>
        <source>Order %1 is cancelled: give the customer back the %2 cash they paid.</source>
        <translation>订单 %1 已取消：请把顾客已付的现金 %2 退还给顾客。</translation>
    </message>
    <message>
        <source>Return (F7)</source>
        <translation>退货 (F7)</translation>
    </message>
    <message>
        <source>Finish or clear this sale first: a return starts with an empty cart.</source>
        <translation>请先完成或清空本单：退货须从空购物车开始。</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Scan the code on the customer&apos;s receipt, or type its order number:</source>
        <translation>扫描顾客小票上的条码，或输入小票上的订单号：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>%1 is no order number: they look like T01-20261123-0007.</source>
        <translation>%1 不是订单号：订单号形如 T01-20261123-0007。</translation>
    </message>
    <message>
        <source>%1 is an order number; this till takes no returns.</source>
        <translation>%1 是订单号；本收银台不办理退货。</translation>
    </message>
    <message>
        <source>That is the receipt of order %1. Finish or clear this sale first, then scan it again for a return.</source>
        <translation>这是订单 %1 的小票。请先完成或清空本单，再扫描它办理退货。</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>没有订单 %1。</translation>
    </message>
    <message>
        <source>Refund of order %1, %2: %3</source>
        <translation>订单 %1 退款 %2：%3</translation>
    </message>
    <message numerus="yes">
        <source>Cart cleared (%n item(s)).</source>
        <translation>
            <numerusform>购物车已清空（%n 件商品）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is kept for when the return is done.</source>
        <translation>%1 已保留，退货完成后加入。</translation>
    </message>
    <message>
        <source>Finish the return first: %1 was not used.</source>
        <translation>请先完成退货：%1 未被使用。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is kept for when this payment is over (%n scan(s) waiting).</source>
        <translation>
            <numerusform>%1 已保留，本次支付结束后加入（%n 次扫码待加入）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cart was kept: %n item(s).</source>
        <translation>
            <numerusform>购物车已保留：%n 件商品。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n item(s) scanned while the dialog was open.</source>
        <translation>
            <numerusform>已加入对话框打开期间扫描的 %n 件商品。</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 was paid after all, and the same goods were paid again: the customer has paid twice. Refund order %1 to them (History).</source>
        <translation>订单 %1 最终已支付，而同样的商品又被支付了一次：顾客付了两次款。请为顾客退还订单 %1（交易流水）。</translation>
    </message>
    <message>
        <source>Order %1 (%2) was paid after all: the sale is complete. Do not charge these goods again.</source>
        <translation>订单 %1（%2）最终已支付：这笔销售已完成。请勿再次收取这些商品的款项。</translation>
    </message>
    <message>
        <source>Order %1 (%2) was paid after all: those goods are sold. The cart now holds other goods; check them before charging.</source>
        <translation>订单 %1（%2）最终已支付：那些商品已售出。购物车中现在是其他商品，收款前请核对。</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>撤销(&amp;U) (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Removed %1 × %2.</source>
        <translation>已移除 %1 × %2。</translation>
    </message>
    <message>
        <source>%1 Ctrl+Z puts it back.</source>
        <translation>%1 按 Ctrl+Z 可恢复。</translation>
    </message>
    <message numerus="yes">
        <source>Put back %n item(s).</source>
        <translation>
            <numerusform>已恢复 %n 件商品。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold (F5)</source>
        <translation>挂单 (F5)</translation>
    </message>
    <message>
        <source>Held sales (F6)</source>
        <translation>取单 (F6)</translation>
    </message>
    <message>
        <source>The cart is empty: there is nothing to hold.</source>
        <translation>购物车是空的：没有可挂的单。</translation>
    </message>
    <message>
        <source>Part of this sale is paid: finish it, it cannot be held.</source>
        <translation>这笔销售已部分付款：请先完成它，不能挂单。</translation>
    </message>
    <message>
        <source>Cannot hold this sale: %1</source>
        <translation>无法挂单：%1</translation>
    </message>
    <message numerus="yes">
        <source>Held %n item(s), %1, as held sale %2. F6 brings it back.</source>
        <translation>
            <numerusform>已挂单 %n 件，%1，挂单号 %2。按 F6 取回。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold or finish this sale first: a held sale comes back into an empty cart.</source>
        <translation>请先挂起或完成这笔销售：取回的挂单要放进空的购物车。</translation>
    </message>
    <message>
        <source>Cannot read the held sales: %1</source>
        <translation>无法读取挂单：%1</translation>
    </message>
    <message>
        <source>No sales are held.</source>
        <translation>没有挂单。</translation>
    </message>
    <message numerus="yes">
        <source>No. %4 — %1, %2 at %3 — %n item(s), %5</source>
        <translation>
            <numerusform>%4 号 — %1，%2 在 %3 挂单 — %n 件，%5</numerusform>
        </translation>
    </message>
    <message>
        <source>Held sales</source>
        <translation>挂单</translation>
    </message>
    <message>
        <source>Bring back which sale?</source>
        <translation>取回哪一单？</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>取回</translation>
    </message>
    <message>
        <source>Held sale %1 is back, without %2: no longer sold.</source>
        <translation>挂单 %1 已取回，但缺少 %2：已停售。</translation>
    </message>
    <message numerus="yes">
        <source>Held sale %1 is back: %n item(s).</source>
        <translation>
            <numerusform>挂单 %1 已取回：%n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Price of %1 (up to %2):</source>
        <translation>%1 的价格（最高 %2）：</translation>
    </message>
    <message>
        <source>%1 is not a price of %2: ¥0.01 to %3.</source>
        <translation>%1 不是 %2 的有效价格：须在 ¥0.01 到 %3 之间。</translation>
    </message>
    <message>
        <source>Scale label %1 was misread: scan it again.</source>
        <translation>秤码标签 %1 读错了：请重新扫描。</translation>
    </message>
    <message>
        <source>No product has the scale code %1.</source>
        <translation>没有商品的秤码是 %1。</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>优惠 %1</translation>
    </message>
    <message>
        <source>Discount (F2)</source>
        <translation>优惠 (F2)</translation>
    </message>
    <message>
        <source>The cart is empty: there is nothing to discount.</source>
        <translation>购物车是空的，没有可优惠的商品。</translation>
    </message>
    <message>
        <source>The cart changed meanwhile: give the discount again.</source>
        <translation>购物车已变化，请重新给优惠。</translation>
    </message>
    <message>
        <source>No discount on this sale.</source>
        <translation>本单没有优惠。</translation>
    </message>
    <message>
        <source>%1 off: the customer pays %2.</source>
        <translation>优惠 %1，顾客应付 %2。</translation>
    </message>
    <message>
        <source>A discount over %1% needs a manager, and nobody can sign in at this till.</source>
        <translation>超过 %1% 的优惠须经店长批准，但本收银台无法登录。</translation>
    </message>
    <message>
        <source>A discount of %1 on a sale of %2 (a cashier may give %3%). The customer would pay %4.</source>
        <translation>对 %2 的销售给予优惠 %1（收银员最多可给 %3%）。顾客将支付 %4。</translation>
    </message>
    <message>
        <source>Not approved: no discount was given. The cart is as it was.</source>
        <translation>未获批准：没有给优惠，购物车保持不变。</translation>
    </message>
    <message>
        <source>Its discounts are not kept: give them again when it comes back.</source>
        <translation>优惠不随挂单保存，取单后请重新给优惠。</translation>
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
    <message>
        <source>Refunded (yuan)</source>
        <translation>已退款（元）</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>状态代码</translation>
    </message>
    <message>
        <source>Provider code</source>
        <translation>支付机构代码</translation>
    </message>
</context>
<context>
    <name>shouyin::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <source>Training — no real money</source>
        <translation>培训模式 — 不涉及真实资金</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>Scan with %1 to pay</source>
        <translation>请用%1扫码支付</translation>
    </message>
    <message>
        <source>Please confirm the payment on your phone.</source>
        <translation>请在手机上确认支付。</translation>
    </message>
    <message>
        <source>One moment please…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <source>Paid — thank you!</source>
        <translation>支付成功 — 谢谢惠顾！</translation>
    </message>
    <message>
        <source>Your change: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>优惠 %1</translation>
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
    <name>shouyin::DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>This line: %1</source>
        <translation>本行：%1</translation>
    </message>
    <message>
        <source>The whole sale</source>
        <translation>整单</translation>
    </message>
    <message>
        <source>Percent off (九折 is 10)</source>
        <translation>按百分比减（九折为 10）</translation>
    </message>
    <message>
        <source>Amount off (yuan)</source>
        <translation>减金额（元）</translation>
    </message>
    <message>
        <source>0 takes the discount away</source>
        <translation>填 0 取消优惠</translation>
    </message>
    <message>
        <source>&amp;Drop the small change (抹零): whole yuan</source>
        <translation>抹零：抹到元(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Drop the small change (抹零): whole jiao</source>
        <translation>抹零：抹到角(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>对象(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>方式(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>数值(&amp;V)：</translation>
    </message>
    <message>
        <source>Type a whole percent from 0 to 100.</source>
        <translation>请输入 0 到 100 的整数百分比。</translation>
    </message>
    <message>
        <source>Type the amount in yuan, e.g. 5 or 1.50.</source>
        <translation>请输入金额（元），例如 5 或 1.50。</translation>
    </message>
    <message>
        <source>That is more than the %1 it is taken from.</source>
        <translation>超过了可优惠的 %1。</translation>
    </message>
    <message>
        <source>Total %1 → %2 (%3 off)</source>
        <translation>合计 %1 → %2（优惠 %3）</translation>
    </message>
</context>
<context>
    <name>shouyin::Discounts</name>
    <message>
        <source>The discount is too large to work out.</source>
        <translation>优惠金额过大，无法计算。</translation>
    </message>
    <message>
        <source>A discount is a percent from 0 to 100 or an amount that is not negative.</source>
        <translation>优惠应为 0 到 100 的百分比，或不为负的金额。</translation>
    </message>
    <message>
        <source>A discount is a percent or an amount, not both.</source>
        <translation>优惠只能是百分比或金额，不能两者都有。</translation>
    </message>
    <message>
        <source>A discount of %1 is more than the %2 it is taken from.</source>
        <translation>优惠 %1 超过了可优惠的 %2。</translation>
    </message>
    <message>
        <source>A line cannot cost less than nothing.</source>
        <translation>商品行金额不能为负。</translation>
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
    <name>shouyin::HeldSales</name>
    <message>
        <source>There is nothing to hold.</source>
        <translation>没有可挂的单。</translation>
    </message>
    <message>
        <source>Quantities must be positive.</source>
        <translation>数量必须大于零。</translation>
    </message>
    <message>
        <source>There is no held sale %1.</source>
        <translation>没有挂单 %1。</translation>
    </message>
    <message>
        <source>%1 already resumed this sale at till %2.</source>
        <translation>%1 已在 %2 号收银台取回了这一单。</translation>
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
    <message>
        <source>%1, %2 refunded</source>
        <translation>%1，已退款 %2</translation>
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
    <message>
        <source>Se&amp;arch</source>
        <translation>查询(&amp;A)</translation>
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
    <message>
        <source>Shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
</context>
<context>
    <name>shouyin::ManagerApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <source>A manager&apos;s approval is needed</source>
        <translation>需要店长授权</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>店长(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Choose the manager who approves.</source>
        <translation>请选择授权的店长。</translation>
    </message>
    <message>
        <source>%1 may not approve this: a manager must.</source>
        <translation>%1 无权授权此操作，需要店长授权。</translation>
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
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Receipt printed (%1).</source>
        <translation>小票已打印（%1）。</translation>
    </message>
    <message>
        <source>The receipt did not print: %1</source>
        <translation>小票未打印：%1</translation>
    </message>
    <message>
        <source>Returns and refunds</source>
        <translation>退货与退款</translation>
    </message>
    <message>
        <source>Return / refund…</source>
        <translation>退货 / 退款…</translation>
    </message>
    <message>
        <source>Refund %1 was sent again as %2.</source>
        <translation>退款 %1 已重新发起，新退款单号 %2。</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>%1 (on the lines %2, on the sale %3, small change %4)</source>
        <translation>%1（单品 %2，整单 %3，抹零 %4）</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>由 %1 批准</translation>
    </message>
    <message>
        <source>Discounts:</source>
        <translation>优惠：</translation>
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
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>shouyin::PaymentSession</name>
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
    <message>
        <source>The QR expired at the provider shortly before the till&apos;s deadline (the provider counts a QR&apos;s life in whole minutes). Nothing was paid. Press Retry for a new QR.</source>
        <translation>二维码在收银台的期限之前已在支付机构过期（支付机构按整分钟计算二维码有效期）。未支付任何款项。请按“重试”获取新的二维码。</translation>
    </message>
    <message>
        <source>The provider closed this QR before its time (the customer may have cancelled on their phone). Nothing was paid. Press Retry for a new QR.</source>
        <translation>支付机构提前关闭了此二维码（顾客可能在手机上取消了）。未支付任何款项。请按“重试”获取新的二维码。</translation>
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
    <message>
        <source>Shouyin training shop</source>
        <translation>收银培训门店</translation>
    </message>
    <message>
        <source>The training gateway&apos;s WeChat Pay v3 keys are unusable.</source>
        <translation>培训网关的微信支付 v3 密钥无法使用。</translation>
    </message>
</context>
<context>
    <name>shouyin::ProductBook</name>
    <message>
        <source>Product %1 does not exist.</source>
        <translation>商品 %1 不存在。</translation>
    </message>
    <message>
        <source>Barcode %1 is already %2.</source>
        <translation>条码 %1 已经是 %2 的。</translation>
    </message>
    <message>
        <source>Scale code %1 is already %2.</source>
        <translation>秤码 %1 已经是 %2 的。</translation>
    </message>
    <message>
        <source>A product needs a barcode or a code of the shop&apos;s.</source>
        <translation>商品需要条码或店内码。</translation>
    </message>
    <message>
        <source>Barcode %1 may hold only digits, letters and &apos;-&apos;, at most %2.</source>
        <translation>条码 %1 只能包含数字、字母和“-”，最多 %2 位。</translation>
    </message>
    <message>
        <source>A product needs a name.</source>
        <translation>商品需要名称。</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>名称超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Prices cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>An open price needs a highest price above ¥0.</source>
        <translation>手输价格需要一个高于 ¥0 的最高价。</translation>
    </message>
    <message>
        <source>The suggested price is above the highest the cashier may type.</source>
        <translation>建议价格高于收银员可输入的最高价。</translation>
    </message>
    <message>
        <source>A fixed price of ¥0.00 sells for nothing; give a price, or let the cashier type it (open price).</source>
        <translation>固定价格 ¥0.00 等于白送；请填写价格，或改为由收银员输入（手输价格）。</translation>
    </message>
    <message>
        <source>The low-stock level cannot be negative.</source>
        <translation>库存下限不能为负数。</translation>
    </message>
    <message>
        <source>A scale code is 1 to 6 digits.</source>
        <translation>秤码为 1 到 6 位数字。</translation>
    </message>
    <message>
        <source>%1 is not a count of goods.</source>
        <translation>%1 不是有效的商品数量。</translation>
    </message>
    <message>
        <source>Goods received are counted from 1 to %1.</source>
        <translation>进货数量须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>An adjustment changes the count by 1 or more.</source>
        <translation>调整数量至少为 1。</translation>
    </message>
    <message>
        <source>An adjustment needs a reason (damaged, lost, …).</source>
        <translation>调整库存需要填写原因（损坏、丢失……）。</translation>
    </message>
</context>
<context>
    <name>shouyin::ProductDialog</name>
    <message>
        <source>Op&amp;en price: the cashier types it</source>
        <translation>手输价格：由收银员输入(&amp;E)</translation>
    </message>
    <message>
        <source>On the counter&apos;s &amp;quick keys</source>
        <translation>放在收银台的快捷键上(&amp;Q)</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Add a product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>e.g. 4.50</source>
        <translation>例如 4.50</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Barcode:</source>
        <translation>条码(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>分类(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Price (yuan):</source>
        <translation>售价（元）(&amp;P)：</translation>
    </message>
    <message>
        <source>Cos&amp;t (yuan):</source>
        <translation>进价（元）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Low-stock level:</source>
        <translation>库存下限(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Highest price (yuan):</source>
        <translation>最高价（元）(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Scale code (PLU):</source>
        <translation>秤码（PLU）(&amp;S)：</translation>
    </message>
    <message>
        <source>Opening stoc&amp;k:</source>
        <translation>期初库存(&amp;K)：</translation>
    </message>
    <message>
        <source>Type the price in yuan, e.g. 4.50.</source>
        <translation>请输入以元为单位的价格，例如 4.50。</translation>
    </message>
    <message>
        <source>Type the cost in yuan, or leave it empty.</source>
        <translation>请输入以元为单位的进价，或留空。</translation>
    </message>
    <message>
        <source>An open price needs the highest price the cashier may type.</source>
        <translation>手输价格需要设定收银员可输入的最高价。</translation>
    </message>
    <message>
        <source>The low-stock level is a whole number, or empty for none.</source>
        <translation>库存下限须为整数，留空表示不提醒。</translation>
    </message>
</context>
<context>
    <name>shouyin::ProductHistoryDialog</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Old price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>新价</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的记录</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock ledger</source>
        <translation>库存台账</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>进货</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>shouyin::ProductImportDialog</name>
    <message>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import products from a CSV file</source>
        <translation>从 CSV 文件导入商品</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>选择文件(&amp;H)…</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Good rows:</source>
        <translation>有效行：</translation>
    </message>
    <message>
        <source>Lines that cannot be imported:</source>
        <translation>无法导入的行：</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be imported. Fix the file, then read it again.</source>
        <translation>
            <numerusform>%n 行无法导入。请修改文件后重新读取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n product(s).</source>
        <translation>
            <numerusform>已导入 %n 个商品。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouyin::ProductPicker</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Search &amp;products (F3):</source>
        <translation>搜索商品(&amp;P) (F3)：</translation>
    </message>
    <message>
        <source>Name, barcode or pinyin (kkkl)</source>
        <translation>名称、条码或拼音（kkkl）</translation>
    </message>
</context>
<context>
    <name>shouyin::ProductsPage</name>
    <message>
        <source>Name, barcode or category</source>
        <translation>名称、条码或分类</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>查找(&amp;D)：</translation>
    </message>
    <message>
        <source>Sho&amp;w retired</source>
        <translation>显示已停售(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Low stock only</source>
        <translation>只看库存不足(&amp;L)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>进价</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add product…</source>
        <translation>添加商品(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>停售(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Receive goods…</source>
        <translation>进货(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Count…</source>
        <translation>盘点(&amp;C)…</translation>
    </message>
    <message>
        <source>Ad&amp;just…</source>
        <translation>调整(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>open, up to %1</source>
        <translation>手输，最高 %1</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停售</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>At or below its low-stock level</source>
        <translation>库存已到下限或更低</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>恢复销售(&amp;T)</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 is retired: no longer sold.</source>
        <translation>%1 已停售：不再销售。</translation>
    </message>
    <message>
        <source>%1 is on sale again.</source>
        <translation>%1 已恢复销售。</translation>
    </message>
    <message>
        <source>%1: stock %2 → %3.</source>
        <translation>%1：库存 %2 → %3。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n product(s).</source>
        <translation>
            <numerusform>已导入 %n 个商品。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouyin::QuickKeys</name>
    <message>
        <source>price typed</source>
        <translation>手输价格</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>shouyin::ReceiptDesk</name>
    <message>
        <source>No receipt printer is set up (Settings).</source>
        <translation>未设置小票打印机（见“设置”）。</translation>
    </message>
    <message>
        <source>This printer prints test pages only.</source>
        <translation>此打印机只能打印测试页。</translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation>订单不存在。</translation>
    </message>
    <message>
        <source>Order %1 is not paid: it has no receipt.</source>
        <translation>订单 %1 未支付，没有小票。</translation>
    </message>
    <message>
        <source>This computer cannot write Chinese text for the receipt printer (no GB18030 support).</source>
        <translation>本机无法为小票打印机生成中文文字（不支持 GB18030）。</translation>
    </message>
    <message>
        <source>No receipt printer is set up.</source>
        <translation>未设置小票打印机。</translation>
    </message>
</context>
<context>
    <name>shouyin::ReceiptSettingsBox</name>
    <message>
        <source>Receipts</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Not set (training: PDF files)</source>
        <translation>未设置（培训模式：PDF 文件）</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>不使用打印机</translation>
    </message>
    <message>
        <source>Receipt printer on the network</source>
        <translation>网络小票打印机</translation>
    </message>
    <message>
        <source>Receipt printer on USB</source>
        <translation>USB 小票打印机</translation>
    </message>
    <message>
        <source>Receipt printer on a serial port</source>
        <translation>串口小票打印机</translation>
    </message>
    <message>
        <source>A printer of this computer</source>
        <translation>本机已安装的打印机</translation>
    </message>
    <message>
        <source>PDF files in a folder</source>
        <translation>保存为 PDF 文件（文件夹）</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>Every sale</source>
        <translation>每笔销售都打印</translation>
    </message>
    <message>
        <source>Ask at every sale</source>
        <translation>每笔销售时询问</translation>
    </message>
    <message>
        <source>Never (reprint from History)</source>
        <translation>不打印（可在“交易流水”中补打）</translation>
    </message>
    <message>
        <source>The cash drawer is plugged into the receipt printer</source>
        <translation>钱箱连接在小票打印机上</translation>
    </message>
    <message>
        <source>Print a &amp;test page</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店名：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>连接地址：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸宽：</translation>
    </message>
    <message>
        <source>Print receipts:</source>
        <translation>打印小票：</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.87:9100</source>
        <translation>例如 192.168.1.87:9100</translation>
    </message>
    <message>
        <source>e.g. /dev/usb/lp0</source>
        <translation>例如 /dev/usb/lp0</translation>
    </message>
    <message>
        <source>e.g. /dev/ttyUSB0@19200</source>
        <translation>例如 /dev/ttyUSB0@19200</translation>
    </message>
    <message>
        <source>The printer&apos;s name; empty: the default printer</source>
        <translation>打印机名称；留空则使用默认打印机</translation>
    </message>
    <message>
        <source>A folder, e.g. /home/shop/receipts</source>
        <translation>文件夹，例如 /home/shop/receipts</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>请先选择打印机。</translation>
    </message>
    <message>
        <source>The test page went to %1.</source>
        <translation>测试页已发送到 %1。</translation>
    </message>
    <message>
        <source>Shouyin test page</source>
        <translation>收银测试页</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训模式</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>shouyin::RefundBook</name>
    <message>
        <source>There is no refund %1.</source>
        <translation>没有退款单 %1。</translation>
    </message>
    <message>
        <source>A refund needs a manager&apos;s approval.</source>
        <translation>退款需要店长批准。</translation>
    </message>
    <message>
        <source>Only %1 yuan of order %2 is left to refund.</source>
        <translation>订单 %2 只剩 %1 元可退。</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>没有订单 %1。</translation>
    </message>
    <message>
        <source>Order %1 is not paid: no goods can be returned from it.</source>
        <translation>订单 %1 未付款，不能退货。</translation>
    </message>
    <message>
        <source>Order %1 has no such line.</source>
        <translation>订单 %1 没有这一行商品。</translation>
    </message>
    <message>
        <source>%1: %2 sold, %3 already returned; %4 cannot come back.</source>
        <translation>%1：售出 %2 件，已退 %3 件；不能再退 %4 件。</translation>
    </message>
    <message>
        <source>Everything of order %1 has been returned already.</source>
        <translation>订单 %1 的商品已全部退回。</translation>
    </message>
    <message>
        <source>There is no payment %1.</source>
        <translation>没有支付单 %1。</translation>
    </message>
    <message>
        <source>Payment %1 has nothing left to refund.</source>
        <translation>支付单 %1 已无可退金额。</translation>
    </message>
    <message>
        <source>Order %1 needs every payment it has: return its goods instead.</source>
        <translation>订单 %1 的每笔付款都用于这笔销售：请改为退货。</translation>
    </message>
    <message>
        <source>Say why the money goes back.</source>
        <translation>请填写退款原因。</translation>
    </message>
    <message>
        <source>Refund %1 cannot be sent again; see the provider&apos;s merchant platform.</source>
        <translation>退款 %1 不能再次发起，请到支付机构的商户平台处理。</translation>
    </message>
    <message>
        <source>Payment %1 has less than %2 yuan left to refund.</source>
        <translation>支付单 %1 的可退金额不足 %2 元。</translation>
    </message>
    <message>
        <source>%1 is named twice in one return.</source>
        <translation>%1 在同一次退货中出现了两次。</translation>
    </message>
</context>
<context>
    <name>shouyin::RefundDialog</name>
    <message>
        <source>Return / refund</source>
        <translation>退货 / 退款</translation>
    </message>
    <message>
        <source>Earlier returns and refunds</source>
        <translation>之前的退货与退款</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>本次退</translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation>全部(&amp;E)</translation>
    </message>
    <message>
        <source>Everything of this order that is left to return</source>
        <translation>本单所有尚可退的商品</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>顾客不想要了</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>拿错商品</translation>
    </message>
    <message>
        <source>Why does it come back?</source>
        <translation>为什么退货？</translation>
    </message>
    <message>
        <source>Returned &amp;goods:</source>
        <translation>退回商品(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Print refund receipt</source>
        <translation>打印退款小票(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>退款(&amp;R)</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>原因(&amp;S)：</translation>
    </message>
    <message>
        <source>What comes back</source>
        <translation>本次退回</translation>
    </message>
    <message>
        <source>This till takes no refunds.</source>
        <translation>本收银台不办理退款。</translation>
    </message>
    <message>
        <source>Return / refund — order %1</source>
        <translation>退货 / 退款 — 订单 %1</translation>
    </message>
    <message>
        <source>%1 · sold %2 by %3 · total %4</source>
        <translation>%1 · %2 由 %3 售出 · 合计 %4</translation>
    </message>
    <message>
        <source>Paid by: %1</source>
        <translation>支付方式：%1</translation>
    </message>
    <message>
        <source>Reading the order…</source>
        <translation>正在读取订单…</translation>
    </message>
    <message>
        <source>Refund %1: only %2 of this order&apos;s payments is left to refund.</source>
        <translation>退款 %1：本单的付款只剩 %2 可退。</translation>
    </message>
    <message>
        <source>Refund %1: %2</source>
        <translation>退款 %1：%2</translation>
    </message>
    <message>
        <source>Choose what comes back.</source>
        <translation>请选择退回的商品。</translation>
    </message>
    <message>
        <source>Nothing of this order is left to return.</source>
        <translation>本单已没有可退的商品。</translation>
    </message>
    <message>
        <source>Say why it comes back.</source>
        <translation>请填写退货原因。</translation>
    </message>
    <message>
        <source>%1 was paid that this order does not need (a second payment, one after a cancel, or money whose refund failed).</source>
        <translation>本单多收了 %1（重复付款、取消后付款，或退款失败的款项）。</translation>
    </message>
    <message>
        <source>Give back %1 to %2</source>
        <translation>退还 %1 至%2</translation>
    </message>
    <message>
        <source>Payment %1</source>
        <translation>付款 %1</translation>
    </message>
    <message>
        <source>A manager must approve refunds, and nobody can sign in at this till.</source>
        <translation>退款须经店长批准，但本收银台无法登录。</translation>
    </message>
    <message>
        <source>Refund %1 of order %2. Reason: %3</source>
        <translation>订单 %2 退款 %1。原因：%3</translation>
    </message>
    <message>
        <source>Not approved: nothing was refunded.</source>
        <translation>未获批准：没有退款。</translation>
    </message>
    <message>
        <source>Refund receipt printed (%1).</source>
        <translation>退款小票已打印（%1）。</translation>
    </message>
    <message>
        <source>The refund receipt did not print: %1</source>
        <translation>退款小票未能打印：%1</translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation>钱箱未能打开：%1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
</context>
<context>
    <name>shouyin::RefundsTable</name>
    <message>
        <source>(money only)</source>
        <translation>（仅退款）</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Back to</source>
        <translation>退至</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 (refund %2)</source>
        <translation>%1（退款单号 %2）</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发起</translation>
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
    <message>
        <source>Refund it</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <source>Nothing left to refund</source>
        <translation>已无可退金额</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>订单 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Refunded (%n)</source>
        <translation>
            <numerusform>已退款（%n 笔）</numerusform>
        </translation>
    </message>
    <message>
        <source>Net %1</source>
        <translation>净额 %1</translation>
    </message>
    <message>
        <source>Print summar&amp;y</source>
        <translation>打印日结小票(&amp;Y)</translation>
    </message>
    <message>
        <source>No receipt printer is set up (Settings).</source>
        <translation>未设置小票打印机（设置）。</translation>
    </message>
    <message>
        <source>Print the day&apos;s figures on the receipt printer.</source>
        <translation>在小票打印机上打印当天的汇总。</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>撤销中</translation>
    </message>
    <message>
        <source>Could not print the end-of-day summary.</source>
        <translation>无法打印日结小票。</translation>
    </message>
    <message>
        <source>Printing the summary of %1…</source>
        <translation>正在打印 %1 的日结小票…</translation>
    </message>
    <message>
        <source>The summary printed (%1).</source>
        <translation>日结小票已打印（%1）。</translation>
    </message>
    <message>
        <source>The summary did not print: %1</source>
        <translation>日结小票未打印：%1</translation>
    </message>
    <message>
        <source>Discounts %1</source>
        <translation>优惠 %1</translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsEditor</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsFields</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing was saved. Correct these settings first: %1.</source>
        <translation>未保存任何设置。请先更正以下设置：%1。</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
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
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>This till was started without a configuration file.</source>
        <translation>本收银台启动时未使用配置文件。</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>Saved. Restart Shouyin for the changes to take effect.</source>
        <translation>已保存。重启收银后更改生效。</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>本收银台</translation>
    </message>
    <message>
        <source>Ter&amp;minal ID:</source>
        <translation>终端编号(&amp;M)：</translation>
    </message>
    <message>
        <source>D&amp;efault provider:</source>
        <translation>默认支付方式(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;QR code deadline:</source>
        <translation>二维码期限(&amp;Q)：</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>界面语言(&amp;N)：</translation>
    </message>
    <message>
        <source>Save settin&amp;gs</source>
        <translation>保存设置(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
</context>
<context>
    <name>shouyin::SettingsValidator</name>
    <message>
        <source>Choose the file.</source>
        <translation>请选择文件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read (check its permissions).</source>
        <translation>无法读取 %1（请检查文件权限）。</translation>
    </message>
    <message>
        <source>Needed: an address such as https://pos.example.com/notify.</source>
        <translation>需要一个地址，例如 https://pos.example.com/notify。</translation>
    </message>
    <message>
        <source>Not a web address: it must start with https:// or http:// and name a host.</source>
        <translation>不是网址：必须以 https:// 或 http:// 开头并包含主机名。</translation>
    </message>
    <message>
        <source>1 to 8 letters (A–Z) or digits, such as T01.</source>
        <translation>1 到 8 个字母（A–Z）或数字，例如 T01。</translation>
    </message>
    <message>
        <source>Between %1 and %2 minutes.</source>
        <translation>%1 到 %2 分钟之间。</translation>
    </message>
    <message>
        <source>Between %1 and %2 seconds.</source>
        <translation>%1 到 %2 秒之间。</translation>
    </message>
    <message>
        <source>An IP address and a port, such as 127.0.0.1:8089 (empty: no listener, polling only).</source>
        <translation>IP 地址和端口，例如 127.0.0.1:8089（留空：不监听，只轮询）。</translation>
    </message>
    <message>
        <source>The printer&apos;s address is not valid (%1).</source>
        <translation>打印机地址无效（%1）。</translation>
    </message>
    <message>
        <source>A client certificate needs the WeChat Pay app ID and merchant ID.</source>
        <translation>客户端证书需要微信支付应用 ID 和商户号。</translation>
    </message>
    <message>
        <source>The settings file already names a PEM client certificate (client_cert, client_key): leave this empty or remove those lines.</source>
        <translation>设置文件中已指定 PEM 客户端证书（client_cert、client_key）：此处请留空，或删除那两行。</translation>
    </message>
    <message>
        <source>Its password file %1 cannot be read.</source>
        <translation>无法读取其密码文件 %1。</translation>
    </message>
    <message>
        <source>Not a PKCS#12 certificate (.p12) that opens with the merchant ID as its password, or not valid now.</source>
        <translation>不是以商户号为密码的 PKCS#12 证书（.p12），或证书当前无效。</translation>
    </message>
    <message>
        <source>A merchant key needs the app ID and the merchant ID.</source>
        <translation>商户密钥需要应用 ID 和商户号。</translation>
    </message>
    <message>
        <source>Needed with the merchant ID (it starts with wx).</source>
        <translation>填写商户号时必填（以 wx 开头）。</translation>
    </message>
    <message>
        <source>Needed with the app ID (the mch_id, digits).</source>
        <translation>填写应用 ID 时必填（mch_id，数字）。</translation>
    </message>
    <message>
        <source>Type the merchant&apos;s API key (%1 characters).</source>
        <translation>请输入商户 API 密钥（%1 个字符）。</translation>
    </message>
    <message>
        <source>The stored key is not %1 characters long: type the API key again.</source>
        <translation>已保存的密钥长度不是 %1 个字符：请重新输入 API 密钥。</translation>
    </message>
    <message>
        <source>The API key is %1 characters long; this one has %2.</source>
        <translation>API 密钥应为 %1 个字符，此处为 %2 个。</translation>
    </message>
    <message>
        <source>Not a web address: it must start with https:// (http:// for a local sandbox) and name a host.</source>
        <translation>不是网址：必须以 https:// 开头（本地沙箱可用 http://）并包含主机名。</translation>
    </message>
    <message>
        <source>An https:// address (http:// only to this computer, such as 127.0.0.1); empty: the gateway above.</source>
        <translation>https:// 地址（仅本机地址如 127.0.0.1 可用 http://）；留空：使用上面的网关。</translation>
    </message>
    <message>
        <source>MD5 or HMAC-SHA256.</source>
        <translation>MD5 或 HMAC-SHA256。</translation>
    </message>
    <message>
        <source>%1 is not an RSA key: Alipay&apos;s RSA2 needs one.</source>
        <translation>%1 不是 RSA 密钥：支付宝 RSA2 需要 RSA 密钥。</translation>
    </message>
    <message>
        <source>%1 holds a public key: the app&apos;s private key goes here.</source>
        <translation>%1 是公钥：此处应填应用私钥。</translation>
    </message>
    <message>
        <source>%1 holds a private key: Alipay&apos;s public key goes here, as the open platform shows it.</source>
        <translation>%1 是私钥：此处应填开放平台显示的支付宝公钥。</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key.</source>
        <translation>%1 不是 PEM 私钥。</translation>
    </message>
    <message>
        <source>%1 is not a PEM public key.</source>
        <translation>%1 不是 PEM 公钥。</translation>
    </message>
    <message>
        <source>Needed with the key files (the app ID the open platform shows).</source>
        <translation>填写密钥文件时必填（开放平台显示的应用 ID）。</translation>
    </message>
    <message>
        <source>%1 is the app&apos;s own public key, not Alipay&apos;s: use the Alipay public key the open platform shows.</source>
        <translation>%1 是应用自己的公钥，不是支付宝公钥：请使用开放平台显示的支付宝公钥。</translation>
    </message>
    <message>
        <source>WeChat Pay or Alipay.</source>
        <translation>微信支付或支付宝。</translation>
    </message>
    <message>
        <source>Alipay is not set up: fill in its section or choose WeChat Pay.</source>
        <translation>支付宝尚未设置：请填写支付宝部分，或选择微信支付。</translation>
    </message>
    <message>
        <source>WeChat Pay is not set up: fill in its section or choose Alipay.</source>
        <translation>微信支付尚未设置：请填写微信支付部分，或选择支付宝。</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>终端编号</translation>
    </message>
    <message>
        <source>Default provider</source>
        <translation>默认支付方式</translation>
    </message>
    <message>
        <source>QR code deadline</source>
        <translation>二维码期限</translation>
    </message>
    <message>
        <source>WeChat Pay app ID</source>
        <translation>微信支付应用 ID</translation>
    </message>
    <message>
        <source>Merchant ID</source>
        <translation>商户号</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Alipay app ID</source>
        <translation>支付宝应用 ID</translation>
    </message>
    <message>
        <source>App private key file</source>
        <translation>应用私钥文件</translation>
    </message>
    <message>
        <source>Alipay public key file</source>
        <translation>支付宝公钥文件</translation>
    </message>
    <message>
        <source>Seller ID</source>
        <translation>卖家 ID</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>WeChat Pay notify URL</source>
        <translation>微信支付通知地址</translation>
    </message>
    <message>
        <source>Alipay notify URL</source>
        <translation>支付宝通知地址</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名方式</translation>
    </message>
    <message>
        <source>WeChat Pay gateway</source>
        <translation>微信支付网关</translation>
    </message>
    <message>
        <source>Refund gateway</source>
        <translation>退款网关</translation>
    </message>
    <message>
        <source>Alipay gateway</source>
        <translation>支付宝网关</translation>
    </message>
    <message>
        <source>Gateway timeout</source>
        <translation>网关超时</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Type the API v3 key (%1 characters).</source>
        <translation>请输入 API v3 密钥（%1 个字符）。</translation>
    </message>
    <message>
        <source>The stored API v3 key is not %1 characters long: type it again.</source>
        <translation>已保存的 API v3 密钥不是 %1 个字符：请重新输入。</translation>
    </message>
    <message>
        <source>The API v3 key is %1 characters long; this one has %2.</source>
        <translation>API v3 密钥应为 %1 个字符；这个有 %2 个。</translation>
    </message>
    <message>
        <source>%1 holds a certificate: the merchant&apos;s private key (apiclient_key.pem) goes here.</source>
        <translation>%1 是证书：这里应填商户私钥（apiclient_key.pem）。</translation>
    </message>
    <message>
        <source>Choose the merchant certificate (apiclient_cert.pem): its serial tells WeChat Pay which key signed.</source>
        <translation>请选择商户证书（apiclient_cert.pem）：微信支付凭其序列号识别签名所用的密钥。</translation>
    </message>
    <message>
        <source>%1 holds no certificate.</source>
        <translation>%1 中没有证书。</translation>
    </message>
    <message>
        <source>%1 is not the certificate of the private key above.</source>
        <translation>%1 不是上面私钥对应的证书。</translation>
    </message>
    <message>
        <source>The ID WeChat Pay shows with its public key, PUB_KEY_ID_…; empty with the file below: platform certificates are downloaded.</source>
        <translation>微信支付公钥旁显示的 ID，PUB_KEY_ID_…；与下面的文件一起留空：改为下载平台证书。</translation>
    </message>
    <message>
        <source>Choose WeChat Pay&apos;s public key (pub_key.pem) that goes with the ID above.</source>
        <translation>请选择与上面 ID 对应的微信支付公钥（pub_key.pem）。</translation>
    </message>
    <message>
        <source>%1 holds a certificate: WeChat Pay&apos;s public key (pub_key.pem) goes here.</source>
        <translation>%1 是证书：这里应填微信支付公钥（pub_key.pem）。</translation>
    </message>
    <message>
        <source>%1 holds a private key: WeChat Pay&apos;s public key (pub_key.pem) goes here.</source>
        <translation>%1 是私钥：这里应填微信支付公钥（pub_key.pem）。</translation>
    </message>
    <message>
        <source>%1 is the merchant&apos;s own public key, not WeChat Pay&apos;s.</source>
        <translation>%1 是商户自己的公钥，不是微信支付的。</translation>
    </message>
    <message>
        <source>Needed for API v3 (it starts with wx).</source>
        <translation>使用 API v3 时必填（以 wx 开头）。</translation>
    </message>
    <message>
        <source>Needed for API v3 (the mch_id, digits).</source>
        <translation>使用 API v3 时必填（mch_id，数字）。</translation>
    </message>
    <message>
        <source>API v3 app ID</source>
        <translation>API v3 应用 ID</translation>
    </message>
    <message>
        <source>API v3 merchant ID</source>
        <translation>API v3 商户号</translation>
    </message>
    <message>
        <source>API v3 key</source>
        <translation>API v3 密钥</translation>
    </message>
    <message>
        <source>Merchant private key</source>
        <translation>商户私钥</translation>
    </message>
    <message>
        <source>Merchant certificate</source>
        <translation>商户证书</translation>
    </message>
    <message>
        <source>WeChat Pay public key ID</source>
        <translation>微信支付公钥 ID</translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation>微信支付公钥</translation>
    </message>
    <message>
        <source>%1 is not an RSA key: WeChat Pay API v3 signs with RSA.</source>
        <translation>%1 不是 RSA 密钥：微信支付 API v3 使用 RSA 签名。</translation>
    </message>
    <message>
        <source>%1 holds a public key: the merchant&apos;s private key (apiclient_key.pem) goes here.</source>
        <translation>%1 是公钥：这里应填商户私钥（apiclient_key.pem）。</translation>
    </message>
</context>
<context>
    <name>shouyin::ShiftBook</name>
    <message>
        <source>The float cannot be negative.</source>
        <translation>备用金不能为负数。</translation>
    </message>
    <message>
        <source>Till %1 already has a shift open (%2&apos;s, since %3); close it first.</source>
        <translation>收银台 %1 已有未交班的班次（%2，自 %3 起）；请先交班。</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale needs a manager&apos;s approval.</source>
        <translation>无交易开钱箱需要店长授权。</translation>
    </message>
    <message>
        <source>Enter the amount of cash.</source>
        <translation>请输入现金金额。</translation>
    </message>
    <message>
        <source>Say why the drawer is opened.</source>
        <translation>请填写打开钱箱的原因。</translation>
    </message>
    <message>
        <source>No shift is open on till %1; open one first.</source>
        <translation>收银台 %1 尚未开班，请先开班。</translation>
    </message>
    <message>
        <source>The drawer should hold %1 yuan; it cannot pay out %2 yuan.</source>
        <translation>钱箱应有 %1 元，无法取出 %2 元。</translation>
    </message>
    <message>
        <source>There is no shift %1.</source>
        <translation>不存在班次 %1。</translation>
    </message>
    <message>
        <source>%1 yuan is no renminbi note or coin.</source>
        <translation>没有面额为 %1 元的人民币纸币或硬币。</translation>
    </message>
    <message>
        <source>A count cannot be negative.</source>
        <translation>清点数量不能为负数。</translation>
    </message>
    <message>
        <source>No shift is open on till %1.</source>
        <translation>收银台 %1 尚未开班。</translation>
    </message>
    <message>
        <source>Only %1 or a manager may close this shift.</source>
        <translation>只有 %1 或店长可以为此班次交班。</translation>
    </message>
    <message>
        <source>The shift was closed already.</source>
        <translation>该班次已交班。</translation>
    </message>
    <message>
        <source>The clock reads earlier than when Z-report %1 was printed; check the time before printing the next.</source>
        <translation>系统时间早于第 %1 号 Z 报表的打印时间；请先检查时间，再打印下一份。</translation>
    </message>
    <message>
        <source>Till %1 has no Z-report %2.</source>
        <translation>收银台 %1 没有第 %2 号 Z 报表。</translation>
    </message>
    <message>
        <source>Z-report %1 of till %2 cannot be read.</source>
        <translation>无法读取收银台 %2 的第 %1 号 Z 报表。</translation>
    </message>
</context>
<context>
    <name>shouyin::ShiftCloseDialog</name>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Count the drawer of %1&apos;s shift on till %2.</source>
        <translation>请清点收银台 %2 上 %1 当班的钱箱。</translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Optional: anything the manager should know</source>
        <translation>选填：需要告知店长的事项</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>实点：</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>应有：</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>差额：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>shouyin::ShiftPage</name>
    <message>
        <source>This till&apos;s shift</source>
        <translation>本收银台班次</translation>
    </message>
    <message>
        <source>Float:</source>
        <translation>备用金：</translation>
    </message>
    <message>
        <source>Sales:</source>
        <translation>销售：</translation>
    </message>
    <message>
        <source>Paid in / out:</source>
        <translation>存入 / 取出：</translation>
    </message>
    <message>
        <source>Expected in the drawer:</source>
        <translation>钱箱应有：</translation>
    </message>
    <message>
        <source>e.g. 200</source>
        <translation>例如 200</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Starting &amp;float (yuan):</source>
        <translation>备用金(&amp;F)（元）：</translation>
    </message>
    <message>
        <source>Close shift (count the drawer)…</source>
        <translation>交班（清点钱箱）…</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Why, e.g. change from the safe, a delivery</source>
        <translation>原因，例如从保险柜换零钱、支付送货款</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>存入</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>取出</translation>
    </message>
    <message>
        <source>Why the drawer must open</source>
        <translation>打开钱箱的原因</translation>
    </message>
    <message>
        <source>No sale (manager)…</source>
        <translation>开钱箱（无交易，需店长）…</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan):</source>
        <translation>金额(&amp;A)（元）：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>No-sale &amp;reason:</source>
        <translation>开钱箱原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Z-report (manager)</source>
        <translation>Z 报表（店长）</translation>
    </message>
    <message>
        <source>Print Z-report</source>
        <translation>打印 Z 报表</translation>
    </message>
    <message>
        <source>Reprint Z-report…</source>
        <translation>补打 Z 报表…</translation>
    </message>
    <message>
        <source>The last report shows here as it prints.</source>
        <translation>最近打印的报表会显示在这里。</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>The shift cannot be read: %1</source>
        <translation>无法读取班次：%1</translation>
    </message>
    <message>
        <source>No shift is open on till %1.</source>
        <translation>收银台 %1 尚未开班。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Open since %1, by %2.</source>
        <translation>%2 于 %1 开班。</translation>
    </message>
    <message>
        <source>%1 — paid orders: %2, cash kept: %3</source>
        <translation>%1 — 成交 %2 笔，其中现金 %3</translation>
    </message>
    <message>
        <source>in %1, out %2, no-sales %3</source>
        <translation>存入 %1，取出 %2，开钱箱（无交易）%3 次</translation>
    </message>
    <message>
        <source>Enter the float the drawer starts with, in yuan (0 for none).</source>
        <translation>请输入钱箱的备用金，单位为元（没有则填 0）。</translation>
    </message>
    <message>
        <source>No shift was opened: %1</source>
        <translation>未能开班：%1</translation>
    </message>
    <message>
        <source>Shift opened by %1 with a float of %2.</source>
        <translation>%1 已开班，备用金 %2。</translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
    <message>
        <source>Paid in %1 (%2). Put the cash in the drawer.</source>
        <translation>已存入 %1（%2）。请把现金放入钱箱。</translation>
    </message>
    <message>
        <source>Paid out %1 (%2). Take the cash from the drawer.</source>
        <translation>已取出 %1（%2）。请从钱箱取出现金。</translation>
    </message>
    <message>
        <source>Say why the drawer must open without a sale.</source>
        <translation>请填写无交易开钱箱的原因。</translation>
    </message>
    <message>
        <source>Open the drawer without a sale. Reason: %1</source>
        <translation>无交易开钱箱。原因：%1</translation>
    </message>
    <message>
        <source>The drawer stays shut: %1</source>
        <translation>钱箱未打开：%1</translation>
    </message>
    <message>
        <source>No sale approved by %1 (%2): the drawer opens.</source>
        <translation>%1 已授权无交易开钱箱（%2）：钱箱已打开。</translation>
    </message>
    <message>
        <source>No shift is open on this till.</source>
        <translation>本收银台尚未开班。</translation>
    </message>
    <message>
        <source>The shift cannot be closed here: %1</source>
        <translation>无法在此交班：%1</translation>
    </message>
    <message>
        <source>The shift is still open: %1</source>
        <translation>尚未交班：%1</translation>
    </message>
    <message>
        <source>Shift closed. Counted %1, expected %2: %3.</source>
        <translation>已交班。实点 %1，应有 %2：%3。</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>No Z-report was made: %1</source>
        <translation>未生成 Z 报表：%1</translation>
    </message>
    <message>
        <source>Z-report No. %1 made while a shift is still open.</source>
        <translation>已生成第 %1 号 Z 报表，但仍有班次未交班。</translation>
    </message>
    <message>
        <source>Z-report No. %1 made.</source>
        <translation>已生成第 %1 号 Z 报表。</translation>
    </message>
    <message>
        <source>Z-report No. %1</source>
        <translation>第 %1 号 Z 报表</translation>
    </message>
    <message>
        <source>Reprint Z-report</source>
        <translation>补打 Z 报表</translation>
    </message>
    <message>
        <source>Number of the Z-report to print again:</source>
        <translation>要补打的 Z 报表编号：</translation>
    </message>
    <message>
        <source>Z-report No. %1 cannot be printed again: %2</source>
        <translation>无法补打第 %1 号 Z 报表：%2</translation>
    </message>
    <message>
        <source>Z-report No. %1, as it was printed.</source>
        <translation>第 %1 号 Z 报表（与当初打印的内容相同）。</translation>
    </message>
    <message>
        <source>%1, as it prints:</source>
        <translation>%1（打印内容）：</translation>
    </message>
    <message>
        <source>No printer at this till: the report is only shown here.</source>
        <translation>本收银台没有打印机：报表仅在此显示。</translation>
    </message>
    <message>
        <source>%1: printing…</source>
        <translation>%1：正在打印…</translation>
    </message>
    <message>
        <source>%1 printed (%2).</source>
        <translation>%1 已打印（%2）。</translation>
    </message>
    <message>
        <source>%1 did not print: %2 Press Print again once the printer is fixed.</source>
        <translation>%1 未打印：%2 打印机修好后，请按“重新打印”。</translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation>钱箱未能打开：%1</translation>
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
    <name>shouyin::StockDialog</name>
    <message>
        <source>Goods received: %1</source>
        <translation>进货：%1</translation>
    </message>
    <message>
        <source>&amp;Quantity received:</source>
        <translation>进货数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>optional, e.g. the supplier&apos;s delivery note</source>
        <translation>可不填，例如供应商的送货单号</translation>
    </message>
    <message>
        <source>Stocktake count: %1</source>
        <translation>盘点：%1</translation>
    </message>
    <message>
        <source>Cou&amp;nted on the shelf:</source>
        <translation>货架实数(&amp;N)：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Adjust the stock: %1</source>
        <translation>调整库存：%1</translation>
    </message>
    <message>
        <source>Change &amp;by (+ or −):</source>
        <translation>变化数量（+ 或 −）(&amp;B)：</translation>
    </message>
    <message>
        <source>required: damaged, lost, found, …</source>
        <translation>必填：损坏、丢失、找到……</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>In stock now:</source>
        <translation>当前库存：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Stock after:</source>
        <translation>调整后库存：</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>shouyin::SystemPrinter</name>
    <message>
        <source>Shouyin test page</source>
        <translation>收银测试页</translation>
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
    <message>
        <source>Repeat the P&amp;IN:</source>
        <translation>再次输入 PIN 码(&amp;I)：</translation>
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
    <name>shouyin::WechatSettingsBox</name>
    <message>
        <source>mch_id, digits</source>
        <translation>mch_id，数字</translation>
    </message>
    <message>
        <source>apiclient_cert.p12; needed for refunds and payment codes</source>
        <translation>apiclient_cert.p12；退款和付款码需要</translation>
    </message>
    <message>
        <source>App &amp;ID:</source>
        <translation>应用 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Merc&amp;hant ID:</source>
        <translation>商户号(&amp;H)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Client certi&amp;ficate (.p12):</source>
        <translation>客户端证书 (.p12)(&amp;F)：</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx)</source>
        <translation>PKCS#12 证书 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <source>Stored key ends in %1; type to replace it</source>
        <translation>已保存的密钥以 %1 结尾；输入新密钥以替换</translation>
    </message>
    <message>
        <source>WeChat Pay merchant, API v2</source>
        <translation>微信支付商户（API v2）</translation>
    </message>
    <message>
        <source>wx…; empty: no API v2 merchant</source>
        <translation>wx…；留空：不使用 API v2</translation>
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
    <message>
        <source>WeChat Pay closed the refund: no money went back. Refund again with a new number.</source>
        <translation>微信支付已关闭此退款，款项未退回。请用新的退款单号重新退款。</translation>
    </message>
    <message>
        <source>The refund went to an abnormal account (a closed or frozen card): a manager must settle it on the WeChat Pay merchant platform.</source>
        <translation>退款入账账户异常（银行卡已注销或冻结），需由店长在微信支付商户平台处理。</translation>
    </message>
    <message>
        <source>The gateway answered about another refund.</source>
        <translation>支付网关返回的是另一笔退款。</translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV3Provider</name>
    <message>
        <source>The gateway answered about another trade.</source>
        <translation>网关返回的是另一笔交易。</translation>
    </message>
    <message>
        <source>The payment gateway answered HTTP %1: %2</source>
        <translation>支付网关返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>The payment gateway answered HTTP %1.</source>
        <translation>支付网关返回 HTTP %1。</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer has no trade state.</source>
        <translation>网关的应答没有交易状态。</translation>
    </message>
    <message>
        <source>The gateway returned no QR code.</source>
        <translation>网关没有返回二维码。</translation>
    </message>
    <message>
        <source>WeChat Pay closed the refund: no money went back. Refund again with a new number.</source>
        <translation>微信支付关闭了这笔退款，款项没有退回。请用新的退款单号重新退款。</translation>
    </message>
    <message>
        <source>The refund went to an abnormal account (a closed or frozen card): a manager must settle it on the WeChat Pay merchant platform.</source>
        <translation>退款进入异常账户（银行卡已注销或冻结），需要店长在微信支付商户平台处理。</translation>
    </message>
    <message>
        <source>The gateway answered about another refund.</source>
        <translation>网关返回的是另一笔退款。</translation>
    </message>
</context>
<context>
    <name>shouyin::WechatV3SettingsBox</name>
    <message>
        <source>WeChat Pay merchant, API v3</source>
        <translation>微信支付商户（API v3）</translation>
    </message>
    <message>
        <source>wx…; empty: no API v3 merchant</source>
        <translation>wx…；留空：不使用 API v3</translation>
    </message>
    <message>
        <source>mch_id, digits</source>
        <translation>mch_id，数字</translation>
    </message>
    <message>
        <source>apiclient_key.pem</source>
        <translation>apiclient_key.pem</translation>
    </message>
    <message>
        <source>apiclient_cert.pem</source>
        <translation>apiclient_cert.pem</translation>
    </message>
    <message>
        <source>PUB_KEY_ID_…; empty: platform certificates</source>
        <translation>PUB_KEY_ID_…；留空：使用平台证书</translation>
    </message>
    <message>
        <source>pub_key.pem</source>
        <translation>pub_key.pem</translation>
    </message>
    <message>
        <source>PEM files (*.pem)</source>
        <translation>PEM 文件 (*.pem)</translation>
    </message>
    <message>
        <source>App ID:</source>
        <translation>应用 ID：</translation>
    </message>
    <message>
        <source>Merchant ID:</source>
        <translation>商户号：</translation>
    </message>
    <message>
        <source>API v&amp;3 key:</source>
        <translation>API v3 密钥(&amp;3)：</translation>
    </message>
    <message>
        <source>Private key (.pem):</source>
        <translation>私钥 (.pem)：</translation>
    </message>
    <message>
        <source>Merchant certificate:</source>
        <translation>商户证书：</translation>
    </message>
    <message>
        <source>WeChat Pay public key ID:</source>
        <translation>微信支付公钥 ID：</translation>
    </message>
    <message>
        <source>WeChat Pay public key:</source>
        <translation>微信支付公钥：</translation>
    </message>
    <message>
        <source>Stored key ends in %1; type to replace it</source>
        <translation>已保存的密钥以 %1 结尾；输入新密钥以替换</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
</context>
</TS>
