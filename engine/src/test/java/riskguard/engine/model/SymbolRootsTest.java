package riskguard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolRootsTest {

  @Test
  void theRootComesFromTheContractNameMinusMonthAndYear() {
    assertThat(SymbolRoots.resolve("CON.F.US.EP.Z25", "ESZ5")).isEqualTo("ES");
    assertThat(SymbolRoots.resolve("CON.F.US.MNQ.H25", "MNQH5")).isEqualTo("MNQ");
    assertThat(SymbolRoots.resolve("CON.F.US.ENQ.H25", "NQH5")).isEqualTo("NQ");
    assertThat(SymbolRoots.resolve("CON.F.US.M2K.U25", "M2KU25")).isEqualTo("M2K");
  }

  @Test
  void withoutMetadataTheGatewayCodeMapsToTheTradersRoot() {
    assertThat(SymbolRoots.fromContractId("CON.F.US.EP.Z25")).isEqualTo("ES");
    assertThat(SymbolRoots.fromContractId("CON.F.US.ENQ.H25")).isEqualTo("NQ");
    assertThat(SymbolRoots.fromContractId("CON.F.US.MNQ.H25")).isEqualTo("MNQ");
    assertThat(SymbolRoots.resolve("CON.F.US.RTY.M25", null)).isEqualTo("RTY");
  }

  @Test
  void configuredRootsAcceptTheGatewayCodesAsAliases() {
    assertThat(SymbolRoots.canonical("EP")).isEqualTo("ES");
    assertThat(SymbolRoots.canonical("enq")).isEqualTo("NQ");
    assertThat(SymbolRoots.canonical("MNQ")).isEqualTo("MNQ");
  }
}
