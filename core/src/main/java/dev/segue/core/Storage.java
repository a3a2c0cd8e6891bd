package dev.segue.core;

/**
 * Memory owned by a backend: a flat buffer of {@link #size()} elements of one {@link DType}. Only the
 * owning backend reads or writes it; tensors are views (shape, strides, offset) onto a storage.
 */
public interface Storage {
    Backend backend();
    DType dtype();
    int size();
}
