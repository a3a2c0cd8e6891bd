/** The CUDA backend (JCuda/JCublas plus handwritten kernels), found through {@code ServiceLoader}. */
package dev.segue.cuda;
