/** JMH benchmarks of Segue's hot paths. */
package dev.segue.bench;
