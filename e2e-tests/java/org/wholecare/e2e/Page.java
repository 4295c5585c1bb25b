package org.wholecare.e2e;

/**
 * The pages journeys visit, each with its address and the heading that shows it has loaded for
 * the person looking at it: {@link Browser#go} opens one and waits for that heading.
 */
enum Page {
    ACCESS_LOG("/access-log", "Who has looked at my records"),
    ACCOUNTS("/admin/accounts", "Accounts"),
    BOOKINGS("/provider/bookings", "Bookings"),
    BUDGET("/budget", "Your budget"),
    AREA_OVERVIEW("/commissioner/overview", "Area overview"),
    BUDGET_HOLDERS("/commissioner/holders", "Budget holders"),
    CLIENTS("/clients", "Clients"),
    FIND_SUPPORT("/find-support", "Find support"),
    LISTINGS("/provider/listings", "Your listings"),
    NEEDS_ATTENTION("/commissioner/needs-attention", "Needs attention"),
    PAYMENTS_AND_DISPUTES("/commissioner/payments", "Payments and disputes"),
    POOLING("/commissioner/pooling", "Pooling and spending rules"),
    PROPOSALS("/proposals", "Proposals"),
    PROVIDER_CHECKS("/commissioner/providers", "Provider checks"),
    PURCHASES("/purchases", "Purchases"),
    QUOTE_REQUESTS("/provider/quotes", "Quote requests"),
    SIGN_IN("/login", "Wholecare"),
    SUPPORT_PLAN("/plan", "Your support plan"),
    WHO_CAN_HELP("/who-can-help", "Who can help me");

    final String path;
    final String heading;

    Page(String path, String heading) {
        this.path = path;
        this.heading = heading;
    }
}
