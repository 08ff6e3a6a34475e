package org.chamberlink.dues;

/** How money arrived; recorded only, nothing is processed. */
public enum PaymentMethod {

	CASH, BANK, WECHAT, ALIPAY

}
