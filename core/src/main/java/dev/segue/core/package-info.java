/** Tensors, autograd, the {@code Backend} SPI and the CPU backend. JDK only. */
package dev.segue.core;
