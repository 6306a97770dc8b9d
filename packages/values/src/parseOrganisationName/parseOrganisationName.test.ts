import { describe, expect, test } from "vitest";
import { parseOrganisationName } from "./parseOrganisationName.ts";

const name = (text: string): string | undefined => parseOrganisationName(text)?.name;

describe("parseOrganisationName", () => {
  test.each([
    ["ACME Inc.", "acme", "inc"],
    ["Acme, Incorporated", "acme", "inc"],
    ["ACME Holdings Co., Ltd.", "acme holdings", "co ltd"],
    ["Smith & Co", "smith", "co"],
    ["Widgets Pty Ltd", "widgets", "pty ltd"],
    ["Tata Sons Private Limited", "tata sons", "pvt ltd"],
    ["Tata Sons Pvt. Ltd.", "tata sons", "pvt ltd"],
    ["Grab Holdings Pte. Ltd.", "grab holdings", "pte ltd"],
    ["Petronas Sdn. Bhd.", "petronas", "sdn bhd"],
    ["SAP SE", "sap", "se"],
    ["Grupo Bimbo, S.A.B. de C.V.", "grupo bimbo", "sab de cv"],
    ["Cemex S.A. de C.V.", "cemex", "sa de cv"],
    ["Inditex S.L.", "inditex", "sl"],
    ["Allegro Sp. z o.o.", "allegro", "sp z oo"],
    ["Natura Cosméticos Ltda.", "natura cosmeticos", "ltda"],
    // a qualifier after the legal form keeps both: the name is not guessed
    ["ABC Ltd. (UK)", "abc ltd uk", null],
    ["Müller GmbH & Co. KG", "muller", "gmbh co kg"],
    ["Philips N.V.", "philips", "nv"],
    ["Siemens Aktiengesellschaft", "siemens", "ag"],
    ["Bosch Gesellschaft mit beschränkter Haftung", "bosch", "gmbh"],
    ["Maersk A/S", "maersk", "as"],
    ["Ferrari S.p.A.", "ferrari", "spa"],
    ["The Boeing Company", "boeing", "co"],
    ["Tesco PLC", "tesco", "plc"],
    ["Johnson & Johnson", "johnson and johnson", null],
    ["Limited", "limited", null],
    ["华为技术有限公司", "华为技术", "有限公司"],
    ["中国平安保险（集团）股份有限公司", "中国平安保险集团", "股份有限公司"],
    ["北京字节跳动科技有限责任公司", "北京字节跳动科技", "有限责任公司"],
    ["株式会社 日立製作所", "日立製作所", "株式会社"],
    ["トヨタ自動車株式会社", "トヨタ自動車", "株式会社"],
    ["(주)삼성전자", "삼성전자", "주식회사"],
  ])("%s -> %s (%s)", (text, expectedName, legalForm) => {
    expect(parseOrganisationName(text)).toEqual({ name: expectedName, legalForm });
  });

  test("spellings of one organisation read as one name", () => {
    const spellings = ["ACME Inc.", "Acme, Inc", "acme incorporated", "ACME", " Acme   Inc "];
    expect(new Set(spellings.map(name))).toEqual(new Set(["acme"]));
  });

  test("a name with no letters or digits is null", () => {
    expect(parseOrganisationName("  ")).toBeNull();
    expect(parseOrganisationName("-.-")).toBeNull();
  });
});
