/** Modules, layers, attention, optimizers, schedules, losses and checkpoints on top of the core engine. */
package dev.segue.nn;
