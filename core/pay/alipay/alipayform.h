#pragma once

#include "xml/flatxml.h"

#include <QByteArray>

namespace shouyin::alipayform {

// application/x-www-form-urlencoded, as the Alipay gateway sends and takes it: every
// byte outside the unreserved set percent-encoded.
QByteArray encode(const Params &params);
// Values decoded once ('+' is a space); a repeated key keeps its first value.
Params decode(const QByteArray &body);

} // namespace shouyin::alipayform
