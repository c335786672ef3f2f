#pragma once

#include "checkout/paymentsession.h"

#include <QString>

namespace shouyin {

class Catalog;
class Checkout;
class OrderStore;
class PaymentProvider;
class TrainingCustomer;

// What the windows need from the application, built by app/main.cpp (the composition
// root). The services outlive every window; the UI never owns or deletes them.
struct PosServices
{
    Checkout *checkout = nullptr;
    OrderStore *orders = nullptr;
    Catalog *catalog = nullptr;
    PaymentProvider *provider = nullptr;
    TrainingCustomer *trainingCustomer = nullptr; // null outside training
    PaymentSession::Options paymentOptions;
    bool training = true;
    QString operatorName;
};

} // namespace shouyin
