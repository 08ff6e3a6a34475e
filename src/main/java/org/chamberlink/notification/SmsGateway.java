package org.chamberlink.notification;

/** Sends a text message; real providers (Aliyun, Tencent Cloud …) plug in as beans of this type. */
public interface SmsGateway {

	void send(String phone, String text);

}
