package dev.segue.core.autograd;

/** Thrown in anomaly mode by the first op whose output (or input gradient) holds NaN or Inf. */
public final class AnomalyException extends RuntimeException {
    public AnomalyException(String message) { super(message); }
}
