/**
 * Demo data for trying the product: a province slice (河北省 → 石家庄市 → three districts with
 * their real townships), about forty chambers of every kind, and accounts at each level. Loaded
 * on an empty database unless {@code chamberlink.demo.enabled=false}; never a migration, so a
 * production database never receives demo rows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "shared", "identity", "organization", "region", "member", "dues", "casework", "activity", "points", "notice", "honour", "welfare", "evaluation", "survey", "publication", "benefit", "report", "proposal", "disclosure", "finance", "investment", "web" })
package org.chamberlink.demo;
