#pragma once

#include "pay/wechatv3/wechatv3config.h"
#include "util/result.h"

#include <QString>

class QSettings;

namespace shouyin::wechatv3settings {

// [wechat_v3]: a merchant's WeChat Pay API v3 settings, kept apart from [merchant]'s v2
// ones so that a shop with only one of them is never asked for the other.
//
//   appid=wx…  mch_id=1900…
//   api_v3_key_file=…  (or api_v3_key=…): 32 characters
//   private_key_file=…apiclient_key.pem
//   certificate_file=…apiclient_cert.pem  and/or  certificate_serial=5157F09E…
//   public_key_id=PUB_KEY_ID_…  public_key_file=…pub_key.pem   (WeChat Pay's public key)
//   platform_certificates=download|none  (default: download unless a public key is set)
//   gateway=https://api.mch.weixin.qq.com  gateway_ca=…pem
//   notify_url=…  (default: [notify] public_url + "/v3")
//
// Every key and file is checked now, so that a wrong one is a clear error at start-up
// rather than a refused signature at the first sale. Nothing configured: `config` stays
// unconfigured and this succeeds.
Status load(const QSettings &ini, const QString &publicUrl, WechatV3Config &config);

// The settings that name a file holding a secret (for the start-up permission warning).
QStringList secretFileKeys();

} // namespace shouyin::wechatv3settings
