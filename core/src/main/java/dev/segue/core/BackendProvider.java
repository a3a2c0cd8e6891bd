package dev.segue.core;

/** Service interface through which optional backends (e.g. CUDA) make themselves known. */
public interface BackendProvider {
    String name();
    Backend create();
}
