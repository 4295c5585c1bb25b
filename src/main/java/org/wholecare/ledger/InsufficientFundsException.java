package org.wholecare.ledger;

import org.wholecare.shared.ValidationException;

/** A posting would take a stream's available money (or its commitment) below zero. */
public class InsufficientFundsException extends ValidationException {

    private final FundingStream stream;

    public InsufficientFundsException(FundingStream stream, String message) {
        super(java.util.Map.of("amount", message));
        this.stream = stream;
    }

    public FundingStream stream() {
        return stream;
    }
}
