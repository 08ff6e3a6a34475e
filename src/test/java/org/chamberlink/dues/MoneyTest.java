package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people type them, and in the capital numerals receipts carry. */
class MoneyTest {

	@Test
	void yuanAreParsedToFenOrRefused() {
		assertThat(Fen.parse("500")).isEqualTo(50_000L);
		assertThat(Fen.parse(" 1,200.5 ")).isEqualTo(120_050L);
		assertThat(Fen.parse("¥300.00")).isEqualTo(30_000L);
		assertThat(Fen.parse("0.01")).isEqualTo(1L);
		assertThat(Fen.parse("五百")).isNull();
		assertThat(Fen.parse("-5")).isNull();
		assertThat(Fen.parse("1.234")).as("no silent rounding").isNull();
		assertThat(Fen.parse("")).isNull();
		assertThat(Fen.parse("99999999999")).isNull();
		assertThat(Fen.format(123_450L)).isEqualTo("1,234.50");
	}

	@Test
	void capitalNumeralsFollowTheReceiptConvention() {
		assertThat(ChineseAmount.of(50_000L)).isEqualTo("伍佰元整");
		assertThat(ChineseAmount.of(1_050_000L)).isEqualTo("壹万零伍佰元整");
		assertThat(ChineseAmount.of(120_030L)).isEqualTo("壹仟贰佰元叁角整");
		assertThat(ChineseAmount.of(100_005L)).isEqualTo("壹仟元零伍分");
		assertThat(ChineseAmount.of(5L)).isEqualTo("伍分");
		assertThat(ChineseAmount.of(0L)).isEqualTo("零元整");
		assertThat(ChineseAmount.of(5_000_000_000L)).isEqualTo("伍仟万元整");
		assertThat(ChineseAmount.of(10_000_010_000L)).isEqualTo("壹亿零壹佰元整");
		assertThat(ChineseAmount.of(1_001_000L)).isEqualTo("壹万零壹拾元整");
		assertThat(ChineseAmount.of(101_000_000L)).isEqualTo("壹佰零壹万元整");
	}

}
