#pragma once

#include "auth/staff.h"
#include "catalog/scalebarcode.h"
#include "checkout/paymentsession.h"
#include "pay/providerregistry.h"
#include "trainingcodes.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace shouyin {

class Catalog;
class ChangeFeed;
class CheckoutClient;
class Database;
class DailyReporter;
class HeldSales;
class HistoryQuery;
class OrderStore;
class ProductBook;
class ReceiptDesk;
class RefundClient;
class SettingsEditor;
class ShiftBook;
class UserStore;

// Training: the customer in front of the counter, who pays the QR that shows `codeUrl`;
// `done` hears whether the (sandbox) gateway took the payment. Runs on the caller's
// thread, and not at all once `context` is gone.
using SimulateCustomer = std::function<void(const QString &codeUrl, QObject *context,
                                            std::function<void(const Status &)> done)>;

// What the windows need from the application, built by app/main.cpp (the composition
// root). The services outlive every window; the UI never owns or deletes them.
struct PosServices
{
    // The sale's way to the ledger thread, where every change of the shop's data is made.
    CheckoutClient *checkout = nullptr;
    OrderStore *orders = nullptr;
    Catalog *catalog = nullptr;
    // The shop's providers, in the order the Charge buttons show them; F12 charges with
    // the default.
    ProviderRegistry providers;
    SimulateCustomer simulateCustomer; // empty outside training
    QList<TrainingCode> trainingCodes; // empty outside training
    // Receipts and the cash drawer; null: the till prints nothing (tests, tools).
    ReceiptDesk *receipts = nullptr;
    // The till's shifts and drawer (交班); null: no Shift page.
    ShiftBook *shifts = nullptr;
    // Returns and refunds (退货 / 退款) through the ledger thread; null: the till offers none.
    RefundClient *refunds = nullptr;
    PaymentSession::Options paymentOptions;
    bool training = true;
    QString operatorName; // who sells when nobody signs in (no `users`)

    // Store manager. Without `users` the window sells as `operatorName` with no sign-in
    // (tests, tools); with it, sales are made by the signed-in `staff`, and the manager's
    // pages appear for a manager.
    UserStore *users = nullptr;
    HistoryQuery *history = nullptr;
    DailyReporter *reports = nullptr;
    SettingsEditor *settings = nullptr; // null: no configuration file to edit
    // The manager's products page (prices, stock); null: no Products page.
    ProductBook *products = nullptr;
    // Sales parked at the counter (挂单 / 取单), shared by the shop's tills; null: no Hold.
    HeldSales *heldSales = nullptr;
    // The weighing scales' labels the barcode field reads; none: no scales.
    ScaleBarcodeFormats scales;
    // How far a cashier's discounts go before a manager approves them, and what 抹零 keeps
    // (the checkout checks the limit again).
    DiscountLimits discountLimits;
    RoundOff roundOff = RoundOff::Jiao;
    Staff staff;      // already signed in at start (training's demo cashier)
    QString shopName; // printed on the end-of-day summary

    // Where the data lives: the window says when it is unreachable, and follows changes
    // other tills make. Both may be null (tests, tools).
    Database *database = nullptr;
    ChangeFeed *changes = nullptr;
};

} // namespace shouyin
