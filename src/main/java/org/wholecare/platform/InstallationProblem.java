package org.wholecare.platform;

/**
 * Something an installation needs is missing or wrong, so Wholecare refuses to start. Start-up
 * prints the problem and the fix in plain words instead of a stack trace.
 */
public class InstallationProblem extends RuntimeException {

    private final String fix;

    public InstallationProblem(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
