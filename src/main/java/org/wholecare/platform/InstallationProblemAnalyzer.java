package org.wholecare.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an {@link InstallationProblem} as what is wrong and what to do, without a stack trace. */
class InstallationProblemAnalyzer extends AbstractFailureAnalyzer<InstallationProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InstallationProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}
