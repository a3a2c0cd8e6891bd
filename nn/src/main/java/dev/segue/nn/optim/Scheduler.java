package dev.segue.nn.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives an optimizer's learning rates from a schedule: {@link #apply()} before each optimizer step sets
 * every group's lr to base·factor(step) and records it; {@link #advance()} after the step moves on.
 */
public final class Scheduler {
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final double[] base;
    private long step;
    private final List<Double> history = new ArrayList<>();

    public Scheduler(Optimizer optimizer, LrSchedule schedule) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        base = optimizer.groups().stream().mapToDouble(ParamGroup::lr).toArray();
        apply();
    }

    /** Sets the rates for the current step; returns the first group's rate. */
    public double apply() {
        double f = schedule.factor(step);
        for (int i = 0; i < base.length; i++) optimizer.groups().get(i).setLr(base[i] * f);
        double lr = base.length == 0 ? 0 : base[0] * f;
        if (history.size() == step) history.add(lr);
        return lr;
    }

    /** Call after optimizer.step(). */
    public void advance() {
        step++;
        apply();
    }

    public long step() { return step; }

    /** Resumes at a given step (from a checkpoint). */
    public void setStep(long s) {
        step = s;
        while (history.size() > s) history.remove(history.size() - 1);
        if (history.size() == s) apply();
        else for (int i = 0; i < base.length; i++) optimizer.groups().get(i).setLr(base[i] * schedule.factor(step));
    }

    /** The rate (first group) used by each step so far, 0-based. */
    public List<Double> history() { return List.copyOf(history); }
}
