#pragma once

#include "config/displayconfig.h"
#include "config/goodsconfig.h"
#include "config/printerconfig.h"
#include "pay/alipay/alipayconfig.h"
#include "pay/wechat/wechatconfig.h"
#include "pay/wechatv3/wechatv3config.h"
#include "store/databasesettings.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QHostAddress>
#include <QString>

#include <chrono>
#include <optional>

namespace shouyin {

// Everything the till is configured with, read from an INI file (`--config FILE`):
//
//   [terminal]  id=T01
//   [shop]      time_zone=Asia/Shanghai  (the zone its days are counted in)
//               name=…  address=…  (printed on receipts)
//   [printer]   receipt=…  paper=58|80  print_receipts=always|ask|never  drawer=printer|none
//               (see printerconfig.h)
//   [merchant]  appid=…  mch_id=…  key_file=/etc/shouyin/wechat.key (or key=…)
//               gateway=https://api.mch.weixin.qq.com  sign_type=HMAC-SHA256
//               client_cert_p12=… (client_cert_password_file=…) or client_cert=… client_key=…
//               secapi_gateway=… (refunds, reverses; default: gateway)
//               gateway_ca=…pem (CAs trusted besides the system's: a sandbox's)
//   [wechat_v3] appid=…  mch_id=…  api_v3_key_file=…  private_key_file=…pem
//               certificate_file=…pem / certificate_serial=…  public_key_id=PUB_KEY_ID_…
//               public_key_file=…pem  platform_certificates=download|none  notify_url=…
//               (see config/wechatv3settings.h)
//   [notify]    listen=127.0.0.1:8089  public_url=https://shop.example/notify/wechat
//   [alipay]    app_id=…  app_private_key_file=…pem  alipay_public_key_file=…pem
//               gateway=https://openapi.alipay.com/gateway.do  seller_id=2088…  notify_url=…
//   [payment]   lifetime_minutes=10  timeout_seconds=10  default_provider=wechat|alipay
//               lifetime_seconds=…  (tests and demonstrations only: overrides the minutes)
//   [display]   kiosk=false  touch=false  customer_screen=auto|off|0…  (displayconfig.h)
//   [stock]     sell_beyond_stock=false                       (goodsconfig.h)
//   [scale]     barcodes=20IIIIIPPPPPC,21IIIIIWWWWWC            (goodsconfig.h)
//   [discounts] cashier_max_percent=10, round_to=jiao           (goodsconfig.h)
//   [database]  driver=QSQLITE path=…  or  driver=QPSQL host=… port=… name=… user=…
//               password_file=… (or the SHOUYIN_DB_PASSWORD environment variable)
//
// Without a merchant the till runs in training mode against the built-in sandbox.
struct AppConfig
{
    QString terminalId = QStringLiteral("T01");
    // The shop's days (order numbers, "today", the end-of-day summary) are counted in it,
    // never in the machine's own zone.
    QTimeZone timeZone = ShopClock::defaultZone();
    bool training = true;
    WechatConfig wechat; // empty appId: WeChat Pay v2 not configured
    // WeChat Pay API v3 (see config/wechatv3settings.h). When set, new WeChat trades go
    // through v3; [merchant]'s v2 settings, if kept, settle the v2 trades still open.
    WechatV3Config wechatV3;
    AlipayConfig alipay; // empty appId: Alipay not configured
    // The provider F12 charges with: "wechat" or "alipay".
    QString defaultProvider = QStringLiteral("wechat");
    std::chrono::seconds paymentLifetime = std::chrono::minutes(10);
    // Where the notification listener binds; unset: no listener (polling alone works).
    // Training listens on an ephemeral loopback port when nothing is configured.
    std::optional<std::pair<QHostAddress, quint16>> notifyListen;
    // Where sales are stored; SQLite at the default location unless configured.
    DatabaseSettings database;
    // Receipts and the cash drawer. Training prints PDFs when nothing is configured.
    PrinterConfig printer;
    bool printerConfigured = false; // [printer] receipt is set (to anything, none included)
    // The counter's window and the customer's screen.
    DisplayConfig display;
    // Stock at the charge, and the weighing scales' labels.
    GoodsConfig goods;
    // What is allowed but unwise, said at start: a key file other users can read.
    QStringList warnings;

    static Result<AppConfig> load(const QString &iniPath);
    // Training defaults: the sandbox merchant is filled in when the sandbox starts.
    static AppConfig trainingDefaults();
};

} // namespace shouyin
