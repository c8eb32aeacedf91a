#pragma once
// Closed value sets of the VPNv2 CSP (see reference/DOMAIN.md "Value rules"). Each enum ends in
// Other; Known<E> keeps the text of an Other value.
#include "model/known_value.hpp"

namespace aovpn {

enum class RoutingPolicy { SplitTunnel, ForceTunnel, Other };
enum class NativeProtocol { IKEv2, SSTP, Automatic, PPTP, L2TP, ProtocolList, Other };
enum class UserMethod { Eap, MSChapv2, Other };
enum class MachineMethod { Certificate, Eap, Other };
enum class FilterDirection { Outbound, Inbound, Other };
enum class DataEncryption { None, Require, Max, Other };
enum class AuthTransform { MD596, SHA196, SHA256128, GCMAES128, GCMAES192, GCMAES256, None, Other };
enum class CipherTransform {
    DES,
    DES3,
    AES128,
    AES192,
    AES256,
    GCMAES128,
    GCMAES192,
    GCMAES256,
    None,
    Other
};
enum class PfsGroup { None, PFS1, PFS2, PFS2048, ECP256, ECP384, PFSMM, PFS24, Other };
enum class DhGroup { None, Group1, Group2, Group14, ECP256, ECP384, Group24, Other };
enum class IntegrityCheck { MD5, SHA196, SHA256, SHA384, Other };
enum class EncryptionMethod { DES, DES3, AES128, AES192, AES256, AES_GCM_128, AES_GCM_256, Other };

template <> struct EnumNames<RoutingPolicy> {
    static constexpr std::array<std::string_view, 2> names{"SplitTunnel", "ForceTunnel"};
};
template <> struct EnumNames<NativeProtocol> {
    static constexpr std::array<std::string_view, 6> names{"IKEv2", "SSTP", "Automatic",
                                                           "PPTP",  "L2TP", "ProtocolList"};
};
template <> struct EnumNames<UserMethod> {
    static constexpr std::array<std::string_view, 2> names{"Eap", "MSChapv2"};
};
template <> struct EnumNames<MachineMethod> {
    static constexpr std::array<std::string_view, 2> names{"Certificate", "Eap"};
};
template <> struct EnumNames<FilterDirection> {
    static constexpr std::array<std::string_view, 2> names{"Outbound", "Inbound"};
};
template <> struct EnumNames<DataEncryption> {
    static constexpr std::array<std::string_view, 3> names{"None", "Require", "Max"};
};
template <> struct EnumNames<AuthTransform> {
    static constexpr std::array<std::string_view, 7> names{
        "MD596", "SHA196", "SHA256128", "GCMAES128", "GCMAES192", "GCMAES256", "None"};
};
template <> struct EnumNames<CipherTransform> {
    static constexpr std::array<std::string_view, 9> names{
        "DES", "DES3", "AES128", "AES192", "AES256", "GCMAES128", "GCMAES192", "GCMAES256", "None"};
};
template <> struct EnumNames<PfsGroup> {
    static constexpr std::array<std::string_view, 8> names{"None",   "PFS1",   "PFS2",  "PFS2048",
                                                           "ECP256", "ECP384", "PFSMM", "PFS24"};
};
template <> struct EnumNames<DhGroup> {
    static constexpr std::array<std::string_view, 7> names{"None",   "Group1", "Group2", "Group14",
                                                           "ECP256", "ECP384", "Group24"};
};
template <> struct EnumNames<IntegrityCheck> {
    static constexpr std::array<std::string_view, 4> names{"MD5", "SHA196", "SHA256", "SHA384"};
};
template <> struct EnumNames<EncryptionMethod> {
    static constexpr std::array<std::string_view, 7> names{
        "DES", "DES3", "AES128", "AES192", "AES256", "AES_GCM_128", "AES_GCM_256"};
};

} // namespace aovpn
