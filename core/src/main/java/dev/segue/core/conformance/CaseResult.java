package dev.segue.core.conformance;

/** The outcome of one case: worst relative error over its tensors against the tolerance. */
public record CaseResult(String name, String op, Status status, double maxRelErr, double tolerance, String detail) {
    public enum Status { PASS, FAIL, UNSUPPORTED, ERROR }

    public boolean passed() { return status == Status.PASS; }

    /** One line: status, name, error vs tolerance, and what went wrong. */
    public String line() {
        String err = Double.isNaN(maxRelErr) ? "-" : String.format("%.3e", maxRelErr);
        return String.format("%-11s %-48s %-26s err %-10s tol %.0e%s", status, name, op, err, tolerance,
                detail == null || detail.isEmpty() ? "" : "  " + detail);
    }
}
