/**
 * The shared kernel: domain-wide types every module may use without depending on the UI shell —
 * the two refusals every service throws ({@link org.chamberlink.shared.RuleViolationException},
 * {@link org.chamberlink.shared.RecordNotFoundException}), money in fen
 * ({@link org.chamberlink.shared.Fen}), the Excel reader and writer, the one {@link java.time.Clock} in China
 * time ({@link org.chamberlink.shared.ChinaTime}) and the figures SPI every module offers its figures
 * through ({@link org.chamberlink.shared.figures.FigureSource}). It depends on no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.chamberlink.shared;
