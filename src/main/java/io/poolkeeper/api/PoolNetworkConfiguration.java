package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Batch's NetworkConfiguration of a pool: the subnet, public IPs and inbound endpoints. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.dynamicVnetAssignmentScope) || self.dynamicVnetAssignmentScope != 'job'"
            + " || has(self.subnetId)",
    message =
        "networkConfiguration.dynamicVnetAssignmentScope job needs subnetId: Batch assigns each"
            + " job's virtual network only to pools in a subnet. Set subnetId or use none.")
@ValidationRule(
    value =
        "!has(self.endpointConfiguration) || !has(self.publicIPAddressConfiguration)"
            + " || !has(self.publicIPAddressConfiguration.provision)"
            + " || self.publicIPAddressConfiguration.provision != 'NoPublicIPAddresses'",
    message =
        "networkConfiguration.endpointConfiguration needs public IP addresses: Batch refuses"
            + " inbound NAT pools with publicIPAddressConfiguration.provision NoPublicIPAddresses."
            + " Remove the NAT pools or provision public IPs.")
public class PoolNetworkConfiguration {

  @JsonPropertyDescription(
      "Resource ID of the subnet the nodes join, /subscriptions/<id>/resourceGroups/<rg>"
          + "/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>. The virtual"
          + " network must be in the Batch account's region and subscription, the subnet needs a"
          + " free address per node, and its network security groups must let the Batch service"
          + " reach the nodes."
          + AT_ZERO_NODES)
  @Pattern(ApiPatterns.SUBNET_ID)
  @Size(max = 1024)
  private String subnetId;

  @JsonPropertyDescription(
      "Dynamic virtual network assignment: none (default) or job (each job gets the subnet of"
          + " its own network; needs subnetId and Azure's approval)."
          + AT_ZERO_NODES)
  private DynamicVnetAssignmentScope dynamicVnetAssignmentScope;

  @JsonPropertyDescription(
      "Inbound NAT pools that expose ports of individual nodes." + AT_ZERO_NODES)
  private EndpointConfiguration endpointConfiguration;

  @JsonProperty("publicIPAddressConfiguration")
  @JsonPropertyDescription("The public IP addresses of the nodes." + AT_ZERO_NODES)
  private PublicIpAddressConfiguration publicIPAddressConfiguration;

  @JsonPropertyDescription(
      "If true, the nodes get accelerated networking (SR-IOV); the VM size must support it."
          + AT_ZERO_NODES)
  private Boolean enableAcceleratedNetworking;

  public String getSubnetId() {
    return subnetId;
  }

  public void setSubnetId(String subnetId) {
    this.subnetId = subnetId;
  }

  public DynamicVnetAssignmentScope getDynamicVnetAssignmentScope() {
    return dynamicVnetAssignmentScope;
  }

  public void setDynamicVnetAssignmentScope(DynamicVnetAssignmentScope dynamicVnetAssignmentScope) {
    this.dynamicVnetAssignmentScope = dynamicVnetAssignmentScope;
  }

  public EndpointConfiguration getEndpointConfiguration() {
    return endpointConfiguration;
  }

  public void setEndpointConfiguration(EndpointConfiguration endpointConfiguration) {
    this.endpointConfiguration = endpointConfiguration;
  }

  public PublicIpAddressConfiguration getPublicIPAddressConfiguration() {
    return publicIPAddressConfiguration;
  }

  public void setPublicIPAddressConfiguration(
      PublicIpAddressConfiguration publicIPAddressConfiguration) {
    this.publicIPAddressConfiguration = publicIPAddressConfiguration;
  }

  public Boolean getEnableAcceleratedNetworking() {
    return enableAcceleratedNetworking;
  }

  public void setEnableAcceleratedNetworking(Boolean enableAcceleratedNetworking) {
    this.enableAcceleratedNetworking = enableAcceleratedNetworking;
  }

  /** Batch's DynamicVNetAssignmentScope. */
  public enum DynamicVnetAssignmentScope {
    none,
    job
  }

  /** Batch's PoolEndpointConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EndpointConfiguration {

    @JsonPropertyDescription(
        "Up to 5 inbound NAT pools, each name once, with ranges of external ports that do not"
            + " overlap."
            + AT_ZERO_NODES)
    @Required
    @Size(min = 1, max = 5)
    @ValidationRule(
        value = "self.all(p, self.exists_one(q, q.name == p.name))",
        message = "inboundNatPools has a name twice: Batch needs each NAT pool name once.")
    private List<InboundNatPool> inboundNatPools;

    public List<InboundNatPool> getInboundNatPools() {
      return inboundNatPools;
    }

    public void setInboundNatPools(List<InboundNatPool> inboundNatPools) {
      this.inboundNatPools = inboundNatPools;
    }
  }

  /** Batch's InboundNatPool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "self.frontendPortRangeEnd >= self.frontendPortRangeStart",
      message =
          "inboundNatPools frontendPortRangeEnd is below frontendPortRangeStart: give the range"
              + " as first and last port.")
  @ValidationRule(
      value = "self.frontendPortRangeStart > 55000 || self.frontendPortRangeEnd < 50000",
      message =
          "inboundNatPools frontend port range overlaps 50000-55000, which Batch reserves: move"
              + " the range.")
  public static class InboundNatPool {

    @JsonPropertyDescription(
        "Name of the NAT pool, unique in the pool: letters, digits, '_', '.' and '-', starting"
            + " with a letter or digit and ending with one or '_', at most 77 characters."
            + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.INBOUND_NAT_POOL_NAME)
    @Size(max = 77)
    private String name;

    @JsonPropertyDescription("TCP or UDP." + AT_ZERO_NODES)
    @Required
    private InboundEndpointProtocol protocol;

    @JsonPropertyDescription(
        "Port on the node, 1-65535 except 29876 and 29877 (Batch's own); unique in the pool."
            + AT_ZERO_NODES)
    @Required
    @Min(1)
    @Max(65535)
    @ValidationRule(
        value = "self != 29876 && self != 29877",
        message = "backendPort 29876 and 29877 are reserved by Batch: choose another port.")
    private Integer backendPort;

    @JsonPropertyDescription(
        "First external port, 1-65534 outside 50000-55000 (reserved by Batch)." + AT_ZERO_NODES)
    @Required
    @Min(1)
    @Max(65534)
    private Integer frontendPortRangeStart;

    @JsonPropertyDescription(
        "Last external port, 1-65534 outside 50000-55000 (reserved by Batch)." + AT_ZERO_NODES)
    @Required
    @Min(1)
    @Max(65534)
    private Integer frontendPortRangeEnd;

    @JsonPropertyDescription(
        "Network security group rules of the endpoint; without any, Batch allows all inbound"
            + " traffic to backendPort. At most 25 rules over all NAT pools of a pool."
            + AT_ZERO_NODES)
    @Size(max = 25)
    private List<NetworkSecurityGroupRule> networkSecurityGroupRules;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public InboundEndpointProtocol getProtocol() {
      return protocol;
    }

    public void setProtocol(InboundEndpointProtocol protocol) {
      this.protocol = protocol;
    }

    public Integer getBackendPort() {
      return backendPort;
    }

    public void setBackendPort(Integer backendPort) {
      this.backendPort = backendPort;
    }

    public Integer getFrontendPortRangeStart() {
      return frontendPortRangeStart;
    }

    public void setFrontendPortRangeStart(Integer frontendPortRangeStart) {
      this.frontendPortRangeStart = frontendPortRangeStart;
    }

    public Integer getFrontendPortRangeEnd() {
      return frontendPortRangeEnd;
    }

    public void setFrontendPortRangeEnd(Integer frontendPortRangeEnd) {
      this.frontendPortRangeEnd = frontendPortRangeEnd;
    }

    public List<NetworkSecurityGroupRule> getNetworkSecurityGroupRules() {
      return networkSecurityGroupRules;
    }

    public void setNetworkSecurityGroupRules(
        List<NetworkSecurityGroupRule> networkSecurityGroupRules) {
      this.networkSecurityGroupRules = networkSecurityGroupRules;
    }
  }

  /** Batch's InboundEndpointProtocol. */
  public enum InboundEndpointProtocol {
    TCP,
    UDP
  }

  /** Batch's NetworkSecurityGroupRule. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class NetworkSecurityGroupRule {

    @JsonPropertyDescription(
        "Priority, 150-4096, unique in the pool; lower numbers are evaluated first."
            + AT_ZERO_NODES)
    @Required
    @Min(150)
    @Max(4096)
    private Integer priority;

    @JsonPropertyDescription("Allow or Deny." + AT_ZERO_NODES)
    @Required
    private Access access;

    @JsonPropertyDescription(
        "Source to match: an IP address (10.10.10.10), a subnet (192.168.1.0/24), a service tag"
            + " or * for all."
            + AT_ZERO_NODES)
    @Required
    @Size(min = 1, max = 128)
    private String sourceAddressPrefix;

    @JsonPropertyDescription(
        "Source ports to match: '*' (Batch's default), ports or ranges like 100-200, not"
            + " overlapping."
            + AT_ZERO_NODES)
    @Size(max = 20)
    private List<@Pattern(ApiPatterns.PORT_RANGE) @Size(max = 11) String> sourcePortRanges;

    public Integer getPriority() {
      return priority;
    }

    public void setPriority(Integer priority) {
      this.priority = priority;
    }

    public Access getAccess() {
      return access;
    }

    public void setAccess(Access access) {
      this.access = access;
    }

    public String getSourceAddressPrefix() {
      return sourceAddressPrefix;
    }

    public void setSourceAddressPrefix(String sourceAddressPrefix) {
      this.sourceAddressPrefix = sourceAddressPrefix;
    }

    public List<String> getSourcePortRanges() {
      return sourcePortRanges;
    }

    public void setSourcePortRanges(List<String> sourcePortRanges) {
      this.sourcePortRanges = sourcePortRanges;
    }
  }

  /** Batch's NetworkSecurityGroupRuleAccess. */
  public enum Access {
    Allow,
    Deny
  }

  /** Batch's PublicIPAddressConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.ipAddressIds) == (has(self.provision) && self.provision == 'UserManaged')",
      message =
          "publicIPAddressConfiguration: ipAddressIds go with provision UserManaged, and"
              + " UserManaged needs ipAddressIds. Set both or neither.")
  public static class PublicIpAddressConfiguration {

    @JsonPropertyDescription(
        "BatchManaged (default: Batch creates the addresses), UserManaged (the addresses of"
            + " ipAddressIds) or NoPublicIPAddresses (nodes reachable only inside the network;"
            + " needs subnetId)."
            + AT_ZERO_NODES)
    @Default("BatchManaged")
    private IpAddressProvisioningType provision;

    @JsonPropertyDescription(
        "Resource IDs of public IP addresses, /subscriptions/<id>/resourceGroups/<rg>/providers"
            + "/Microsoft.Network/publicIPAddresses/<name>; each serves 100 dedicated and 100"
            + " Spot nodes, so 250 nodes need three. Only with provision UserManaged."
            + AT_ZERO_NODES)
    @Size(min = 1, max = 100)
    private List<@Pattern(ApiPatterns.PUBLIC_IP_ADDRESS_ID) @Size(max = 1024) String> ipAddressIds;

    public IpAddressProvisioningType getProvision() {
      return provision;
    }

    public void setProvision(IpAddressProvisioningType provision) {
      this.provision = provision;
    }

    public List<String> getIpAddressIds() {
      return ipAddressIds;
    }

    public void setIpAddressIds(List<String> ipAddressIds) {
      this.ipAddressIds = ipAddressIds;
    }
  }

  /** Batch's IPAddressProvisioningType. */
  public enum IpAddressProvisioningType {
    BatchManaged,
    UserManaged,
    NoPublicIPAddresses
  }
}
