package org.chamberlink.organization;

/** The five kinds of grassroots chamber; township chambers count towards coverage. */
public enum ChamberKind {

	TOWNSHIP, INDUSTRY, REGIONAL, OUT_OF_TOWN, VILLAGE

}
