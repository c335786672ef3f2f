#pragma once

#include "crypto/rsakey.h"
#include "util/result.h"

#include <QHostAddress>
#include <QString>

#include <optional>
#include <utility>

namespace shouyin::configrules {

// The rules the INI's values follow, kept in one place so that the till's start-up check
// (AppConfig::load, messages naming the INI key) and the Settings page (SettingsValidator,
// translated messages naming the field) can never disagree.

inline constexpr int kMinLifetimeMinutes = 2;
inline constexpr int kMaxLifetimeMinutes = 120;
inline constexpr int kMinTimeoutSeconds = 1;
inline constexpr int kMaxTimeoutSeconds = 60;
// WeChat Pay v2 signs with the whole key: any other length can never produce a
// signature the gateway accepts.
inline constexpr qsizetype kWechatKeyLength = 32;
// WeChat Pay v3's API v3 key is an AES-256 key: 32 bytes exactly.
inline constexpr qsizetype kWechatApiV3KeyLength = 32;

// [notify] listen: "address:port" with a numeric address (IPv6 without brackets:
// "::1:8089", the last colon separates the port).
std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text);

// A gateway or a notification address: an http or https URL naming a host.
bool isHttpUrl(const QString &text);

// Where refunds and reverses go: https, or plain http to a loopback address only (a
// sandbox on this machine), because plain HTTP carries no client certificate.
bool isSecureGatewayUrl(const QString &text);

enum class FileProblem { None, NotSet, Missing, NotAFile, Unreadable };
// Whether the till will be able to read the file at `path`.
FileProblem fileProblem(const QString &path);

// The PEM key files of [alipay]. Error codes: Read (the file), NotAKey, NotRsa,
// PublicKeyGiven / PrivateKeyGiven (the other half of a key pair).
Result<crypto::RsaKey> readPrivateKeyFile(const QString &path);
Result<crypto::RsaKey> readPublicKeyFile(const QString &path);

} // namespace shouyin::configrules
