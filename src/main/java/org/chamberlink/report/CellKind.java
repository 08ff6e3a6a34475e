package org.chamberlink.report;

/** Where a cell's value comes from. */
public enum CellKind {

	/** Pre-filled from a figure of the records; a typed change is an adjustment with its reason. */
	FIGURE,
	/** Typed in: the system cannot know it (staff funded by government). */
	TYPED,
	/** A rate of two other cells of the return, never stored or typed. */
	RATE

}
