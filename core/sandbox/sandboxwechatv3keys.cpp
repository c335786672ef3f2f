// The sandbox's fixed WeChat Pay API v3 material: the merchant's key pair and "WeChat
// Pay's" public key pair (公钥模式), with the serial, key id and API v3 key that go with
// them. They sign, check and encrypt nothing but the sandbox's own traffic on loopback, so
// they protect nothing; fixed, so that a till configured once keeps working across runs
// and no start-up waits for a prime search. Never configure them against WeChat Pay: no
// real merchant has them. (Platform certificates are made at run time, on the gateway's
// clock: see SandboxWechatV3Signer.)

#include "sandboxwechatv3keys.h"

namespace shouyin::sandboxkeys {

const char kWechatMerchantSerialNo[] = "1F36AAB996BBBBA8587375FB1463BD54DF9E2B2A";
const char kWechatApiV3Key[] = "ShouyinSandboxApiV3TrainingKey01";
const char kWechatPayPublicKeyId[] = "PUB_KEY_ID_0119000001092026120100000000000001";

// The merchant's key pair: the till signs requests with it, the sandbox checks them.
const char kWechatMerchantPrivateKeyPem[] = R"(
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDCjSx526U/n2+Y
gySbrMaV5M4ZbNssHEU1EtUFeIrlwqw0a6x/jN8TO6OcnUmDusToTGFOvq8lbIg9
8wEpoEX901SY5wr+7Cgs6AB85e+ob6oWx4kJZmHDCDxmyOhNVJjEnhhP3sNpcApJ
WlRH2A90iaWPBZapOPCydIdeTzGQORfLesvXjXGqKLThXsXYzzqHPv6px9L8PryO
duMx8iNzOELzdtwXikH7scNDwtEyrHxJzcA6MCZgPrwDRAj7kIugrxr5ZvElbFTo
e6QMeQVjUQ/eQ79uMkX/XYod3BxoBXTvVDLrShfXQGUELI+231PfCqynOC/XP12O
PxFE0x/ZAgMBAAECggEABUQImU8XyhY40TIc1QvYSilUZ2gaBzfIAGzp5XPYSpS6
JXxpQas17ybU7FcY13Rq16DC8icuGr9fxqbOTWqgSlj5zV5U3rEp+zaCVjRrsq2R
tyZ1GpMx/93is04qdMwJNdUo8kx6Ed9YSpj5IVgDPxO/WT98+Z09bTnDNOBu29OW
QJ6DEZ42cnPGSTV8BCZ78DZKN11Mk3ynp/ioNjj1cz3PN3dU0xf9D83mvFqa3S7n
CUgmov39iLGEpZohjNEcyWNkfIa2+lyvFy8g2D0b/70ZPw4/S69/EYtpLMv12GNA
7aYfpybFLBLGva+OdEEPSZHWZBdy3TqFvxuv16CwOwKBgQD+vziTgaDY6m8NksUy
jq2a5SpGqa/M9aJ5GaqI+amrAaQFRlYz9x52f5GVjHA8/dfn8yMl/OBuMCpQvuDv
C00kgr20UBnHjUEiNAiMgJe3rvpjEO4o3sfU7axLiJO/pzQIizN56cQwzKjDIorE
r7R0LY6ESHvjFmuaq3J92S1zhwKBgQDDgid4OgefjmhqPOfcUfkCOT9aBo/dsfUS
atGqdIlE9vELfDha/5Es6Cea9CcI8aKKczb9XejQvmuKD+kg+Dm+Ed3Ko4w0rANx
1wfhyEK7xUIQPZF6eb/qLAJ9NlMR0ygQ7iN4JHWq+og3hdl7AXb/KRWZjShamz+G
IeBtUpppnwKBgQDJNNmH0CPuEEREkT9F7mF6bTSV+WKMXRrF0Zrbc24qTjJxpBtk
EfQynhGr7++ajNhiMKz7TR8qiMpzWkApLmDwzH7vkzC5Z30heb2i09KBVygW5QFm
sIdfS5YBVs9z2amEcgXnbdbywEMvVPIL5cd+15iwLNwFAeldkbrtYYK/swKBgEsK
syGnjHOG0rcsZ4aehCiBVrq0WBYtDzchfxahImsxKbZR2MO84rlM5p7IZg89yDjC
HnJD0HAHFvnoP4BjJq645tu3yMIS4EOa2LCmEE9IWKIpL6TGBI7ak54B8wKdfPx6
m2yq+etFvHErVB2to0IvP9YvYzTb8BcI+76afSBbAoGBAL6CTdh/57C/trj9yrKZ
SXoGrHA7TJYqRD+Ahph4rgpOyAlljnipm1ahft3T3bPzL03P2O0oj/b6VjYhtOQP
iHwhZU0/EW4yckNi1eAQqwPLDN23S54wWsuD+HX2NEmjFB6aX1lyK37Bf47085Xc
XEeTTEUOkOu71c4M+wDepxb1
-----END PRIVATE KEY-----
)";

// "WeChat Pay's" public key pair: the sandbox signs replies and notifications with it in
// public-key mode, the till checks them with the public half.
const char kWechatPayPrivateKeyPem[] = R"(
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCatPVeaAFwGfiU
XjSycTW+Ivv1PvX3+2C4JWWe3TfE8UevF/bktP2sMzRsgE7ajqe9lE5l2A0SypPk
K+N0161CCHyPSj2fitJbrofdreglSptBzs5ZlyCn9DT0+FIwNTrpuKwyi/2Wmkcb
B6llKCJ/XF6fSYkDyzhNUDek6n/VDSft75REHL2es5Daj4hzXGnzVacQ11pRKUPF
zeQgNxIrfXB9RfKWPPjppwysH+XtamPXArCHz2w/WZ8VdR1LrIG7FOs+tEbcG5ay
085JhPOnYgk7EFWhRC6sO4Xm6/u984IUQZkhJpl4fuXzBgQwcJHRqYeCK/XZFYoB
fVJHJ0KNAgMBAAECggEAObOPptf83U5aeCAQ4JM3+8Q5nFWQ0R6ZiuUr205gHBzv
4x75j4Dv8leg0G0kvACkEKHtga/M5HrZISu7aNt+fBgFOT5z8HsLDXXxp91SrgH/
GVLkhObIn8wGKm4p3WAlKoId+7ZZ7V96cNrxM9D92OnfQuLe7yLPS4rFTkXGSvRK
J69/+sxRtIMEXihMNPC10QTV7svStWKGWP+N9tgzJmmR/8DqXF2WGxklV3STLfCL
yQsSvP6+mdv+JmVOJ9hmkUVHNZme6zrpbmCuVAva8ujJLIO1NJwMhkqc5ecKypK/
5fr3dIVjpKDRUcj7t58RlfUYGkmV2Fnd1MqsrLypowKBgQDOiQrKGGzufsJXUagY
AziKjhyYksO566MugO70MrHz4V2twONKZfn4/QCeaDLbg1VNJB7iO1O3Zifp9ss7
J/+Dpe8vLbGihIwSHYyA7LrzWV4f3n9A9rJK8lmqAYrZJl6v/sqBlqVjko+0TXKa
AJ63QOGdAsSY+RyudP0uuvNrYwKBgQC/wj6Nn1KdJ2xKYQVIqJoFyEKtO3xeSGKT
pJCb6ywbcz1BAySLfTwLvHXqIUgdFnvFJ2+1TyTB6vSjeUW6byOqG3QvEA3GUtwl
6y7nIxc1jCED+dUfUxnRpVp945bS197G5sBPb69GX0rMN/oBG9gwFsBX4rKS/tbl
hdhFRv4VTwKBgQCDm13ts6zOOKXcAGONkZfY6n+cVYE1Gssr2erqXtd4YXZRPuVW
xi6Ik6duSVWG/WRAuLCZVladOhJbCvEr6+vs1rLYLFTSC4Y6EOw0RyVF5f+NbTlH
iyvHiDDMnRj+EG4r1b7y3qzbC0xZBzTsn1KD0Wsyos3l8G9vV4rx2R09owKBgDuo
Tde3mncj/a/CMWeidJCZ9gx49j9K28g9KXQonQdJOeRQ+vyekKDCGBkoE4xhI055
72oD3laqJ0P4hbXzv6+7bND7eJ2bx7vQSD5Gj4DsQJVBE4n0S5MKk3WY6aJc4IUW
4vuTrn8BRH72Z0QTCpYjbeGpuI6809SCaH9dD81HAoGBAIo1g11eNV+5uqfTsmtb
WJLumhpe8r3lIkPzJDrNpLk6StqmA8dem02wZEwa6efQaK7Qe8r2PSKDOlXO6iXK
owrhd4MtDsTE/ra0QsHBcEmlWmzNjTVTE/YnxnSZlhVllnRur5n7Jc+2PvWDz+JO
2OEYaDa8/I6DVhB90hsSQY/R
-----END PRIVATE KEY-----
)";

} // namespace shouyin::sandboxkeys
