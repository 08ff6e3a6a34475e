package org.chamberlink.notice;

/** A notice to read (通知公告), or a data call (工作任务/报送) that each target organisation answers by a deadline. */
public enum NoticeKind {

	NOTICE, DATA_CALL

}
