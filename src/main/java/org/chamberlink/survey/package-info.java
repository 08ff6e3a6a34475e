/**
 * Surveys (问卷 / 满意度测评): an organisation asks the members of its subtree (or some of them, by
 * role, tier or organisation) single-choice, multiple-choice, 1–5 rating and free-text questions
 * between an opening and a closing time, named or anonymous; each respondent answers once, and an
 * anonymous answer cannot be joined back to its respondent by any table (decision 0040). Results per
 * question, broken down by organisation with cells under five answers hidden.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys", allowedDependencies = { "shared", "member", "organization",
		"identity", "audit", "web" })
package org.chamberlink.survey;
