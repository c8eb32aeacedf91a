// What the codes helpdesk staff meet usually mean, and what to do next. Pure data, shared by
// every OS so it is tested natively. Sources: Microsoft's Always On VPN troubleshooting pages,
// WMI error constants, and the public AOVPN tools listed in DOMAIN.md.
#include "platform/platform.hpp"

#include <array>

namespace aovpn::platform {

namespace {
struct Entry {
    CodeKind kind;
    std::uint32_t code;
    Hint hint;
};

constexpr std::array kHints{
    // --- WMI / COM (HRESULT) -----------------------------------------------------------------
    Entry{CodeKind::HResult,
          0x8004100E,
          {"The MDM bridge namespace root\\cimv2\\mdm\\dmmap does not exist here: this Windows "
           "edition or context has no MDM WMI bridge (or this is not Windows at all, e.g. Wine).",
           "Use Windows 10/11 Pro, Enterprise or Education, run in the full desktop session (not "
           "a restricted shell), or export the profile for Intune instead."}},
    Entry{CodeKind::HResult,
          0x80041003,
          {"WMI refused access: creating or deleting VPNv2 profiles needs administrator rights.",
           "Run AOVPN Studio as administrator (or as SYSTEM for another user's profile)."}},
    Entry{CodeKind::HResult,
          0x80070005,
          {"Access denied: the operation needs administrator rights.",
           "Run AOVPN Studio as administrator (use \"Relaunch elevated\")."}},
    Entry{CodeKind::HResult,
          0x80041001,
          {"\"Generic failure\" from the MDM bridge: almost always the ProfileXML (invalid value, "
           "unescaped character, unknown element), or a profile of that name already exists.",
           "Check the validator's findings for this profile and fix every error, then apply "
           "again. Remove any existing profile of the same name first."}},
    Entry{CodeKind::HResult,
          0x80041002,
          {"WMI found no such object: the profile is not installed in this account's context.",
           "Check the account the profile was written for (user vs. device tunnel, user SID)."}},
    Entry{CodeKind::HResult,
          0x80041008,
          {"WMI rejected a parameter: usually a malformed InstanceID or ProfileXML.",
           "Check the profile name (no '/') and the validator's findings."}},
    Entry{CodeKind::HResult,
          0x80041010,
          {"The class MDM_VPNv2_01 is not registered: the VPNv2 CSP is missing on this system.",
           "Use Windows 10 1607 or later, Pro/Enterprise/Education."}},
    Entry{CodeKind::HResult,
          0x80041013,
          {"The MDM bridge WMI provider failed to load.",
           "Restart the \"Windows Management Instrumentation\" service or the computer, then try "
           "again."}},
    Entry{CodeKind::HResult,
          0x800706BA,
          {"The WMI service could not be reached (RPC server unavailable).",
           "Make sure the \"Windows Management Instrumentation\" service is running."}},
    Entry{CodeKind::HResult,
          0x80070057,
          {"A parameter was rejected (invalid argument).",
           "Check the profile name and the validator's findings."}},
    Entry{CodeKind::HResult,
          0x800700B7,
          {"A profile of that name already exists.",
           "Apply replaces an existing profile; if this persists, remove the profile (which also "
           "cleans registry leftovers) and apply again."}},
    Entry{CodeKind::HResult,
          0x80041019,
          {"The instance already exists: a profile of that name is installed in this context "
           "(a create-only write never overwrites).",
           "Apply replaces it (delete, then create); if it persists, remove the profile first, "
           "which also cleans its registry leftovers."}},
    Entry{CodeKind::HResult,
          0x80070331,
          {"The profile cannot be deleted while it is connected (817).",
           "Disconnect it first (aovpn disconnect NAME); Apply and Remove hang up by themselves."}},
    Entry{CodeKind::HResult,
          0x80092004,
          {"The certificate or object was not found.", "Check the certificate store and file."}},
    Entry{CodeKind::HResult,
          0x80090016,
          {"The certificate's private key container does not exist (orphaned key link).",
           "Re-enroll or re-import the certificate with its private key (.pfx)."}},
    Entry{CodeKind::HResult,
          0x800B0109,
          {"The chain ends in a root certificate that is not trusted.",
           "Import the issuing root CA into Trusted Root Certification Authorities."}},
    // --- Win32 --------------------------------------------------------------------------------
    Entry{CodeKind::Win32,
          2,
          {"The file or registry key does not exist.", "Check the path; nothing to clean up."}},
    Entry{CodeKind::Win32,
          5,
          {"Access denied: this needs administrator rights.",
           "Run AOVPN Studio as administrator (use \"Relaunch elevated\")."}},
    Entry{CodeKind::Win32,
          1008,
          {"No user is logged on at the console, so there is no user token to read.",
           "Have the user log on at the machine (or via RDP to the console session) first."}},
    Entry{CodeKind::Win32,
          1223,
          {"The elevation prompt (UAC) was cancelled.", "Accept the prompt to continue."}},
    Entry{CodeKind::Win32,
          1314,
          {"A privilege is missing: reading another session's user token needs SYSTEM.",
           "Run as SYSTEM to write another user's profile, or let the user run the app."}},
    Entry{CodeKind::Win32,
          18,
          {"\"There are no more files\": with RememberCredentials=true Windows keeps the old "
           "certificate's cached credential after the certificate was renewed.",
           "Clear the saved credential (rasphone: the connection's properties, or remove and "
           "re-apply the profile) or set RememberCredentials to false."}},
    // --- POSIX (offline mode) -----------------------------------------------------------------
    Entry{CodeKind::Errno,
          13,
          {"Permission denied on the profiles or certificates folder.",
           "Check the folder's owner and permissions, or choose another folder."}},
    Entry{CodeKind::Errno,
          28,
          {"The disk is full; nothing was replaced (saves are atomic).", "Free some space."}},
    Entry{CodeKind::Errno,
          30,
          {"The folder is on a read-only file system.", "Choose a writable folder."}},
    // --- RAS ----------------------------------------------------------------------------------
    Entry{CodeKind::Ras,
          603,
          {"A buffer was too small (handled internally by retrying).", "Try again."}},
    Entry{CodeKind::Ras,
          623,
          {"No phonebook entry of that name: the VPN profile is not installed for this user (or "
           "was written into another account).",
           "Apply the profile first, for the account that runs the test; check whose account it "
           "was written into."}},
    Entry{CodeKind::Ras,
          631,
          {"The connection was closed by the user (or by a cancel).", "Dial again when ready."}},
    Entry{CodeKind::Ras,
          651,
          {"The VPN miniport reported an error.",
           "Restart the computer; check the WAN Miniport (IKEv2/SSTP) adapters."}},
    Entry{CodeKind::Ras,
          691,
          {"Authentication was rejected: wrong credentials, or the certificate was not accepted.",
           "Check the user's certificate and the NPS policy for this user."}},
    Entry{CodeKind::Ras,
          703,
          {"The connection needs user interaction (ERROR_INTERACTIVE_MODE): the EAP method wants "
           "a prompt (several certificates match, a smart card PIN, or a password).",
           "Test from the user's own desktop session, or fix the certificate filter so exactly "
           "one certificate matches."}},
    Entry{CodeKind::Ras,
          720,
          {"No PPP control protocols were configured: the server assigned no address (IP pool "
           "exhausted or not configured), or protocols mismatch.",
           "Check the VPN server's address assignment (static pool or DHCP)."}},
    Entry{CodeKind::Ras,
          756,
          {"This connection is already being dialled.",
           "Wait for the running attempt to finish (or disconnect it), then test again."}},
    Entry{CodeKind::Ras,
          789,
          {"L2TP: the security layer failed (pre-shared key or certificate).",
           "Check the L2TP pre-shared key or the machine certificate."}},
    Entry{CodeKind::Ras,
          798,
          {"No certificate could be found for EAP authentication.",
           "Check the user has a client-authentication certificate whose issuer matches the "
           "profile's CAHashList (IssuerHash) and EKU filter."}},
    Entry{CodeKind::Ras,
          800,
          {"The VPN could not be established; with NativeProtocolType Automatic every protocol "
           "failed, so this hides the real cause.",
           "Pin one protocol (IKEv2 or SSTP) and test again to see the specific error; check the "
           "server name resolves and is reachable."}},
    Entry{CodeKind::Ras,
          809,
          {"No response from the server: UDP 500/4500 blocked, or IKE fragments dropped by a "
           "firewall/NAT.",
           "Open UDP 500 and 4500 to the gateway, enable IKE fragmentation on the server, or use "
           "SSTP (TCP 443)."}},
    Entry{CodeKind::Ras,
          812,
          {"The server's policy (NPS) refused the connection: the authentication method or the "
           "user's group does not match the network policy.",
           "Check the NPS network policy's conditions and EAP method (Smart card or other "
           "certificate / PEAP) against the profile."}},
    Entry{CodeKind::Ras,
          817,
          {"The connection cannot be deleted while it is connected.",
           "Disconnect it first; Apply and Remove hang up by themselves."}},
    Entry{CodeKind::Ras,
          853,
          {"The user's certificate for EAP is not valid (expired, revoked, or the chain is "
           "broken).",
           "Renew or re-enroll the client certificate; check its chain up to a trusted root."}},
    Entry{CodeKind::Ras,
          864,
          {"The root CA of the VPN server's certificate was not found in Trusted Root "
           "Certification Authorities (or does not match the profile's TrustedRootCA).",
           "Import the server's root CA into the computer's Trusted Root store and make the "
           "profile's TrustedRootCA thumbprint match it."}},
    Entry{CodeKind::Ras,
          868,
          {"The gateway's name could not be resolved (DNS).",
           "Check the server FQDN in the profile and the client's DNS."}},
    Entry{CodeKind::Ras,
          13801,
          {"IKE authentication credentials are unacceptable: the server's certificate lacks the "
           "Server Authentication EKU, is expired, its root is not trusted, or its name does not "
           "match the gateway FQDN.",
           "Check the VPN server certificate (EKU, expiry, subject name = the FQDN in the "
           "profile) and that its root CA is trusted on this machine."}},
    Entry{CodeKind::Ras,
          18,
          {"\"There are no more files\": with RememberCredentials=true Windows keeps the old "
           "certificate's cached credential after the certificate was renewed.",
           "Clear the saved credential (remove and re-apply the profile) or set "
           "RememberCredentials to false."}},
    Entry{CodeKind::Ras,
          13806,
          {"IKE found no valid machine certificate (device tunnel / machine authentication).",
           "Install a machine certificate with Client Authentication EKU in Local "
           "Computer\\Personal, issued by a CA the server trusts."}},
    Entry{CodeKind::Ras,
          13868,
          {"IKE policy mismatch: the CryptographySuite in the profile does not match the "
           "server's IPsec settings.",
           "Make the profile's CryptographySuite match the server exactly (cipher, integrity, DH "
           "group, PFS group)."}},
};
} // namespace

std::optional<Hint> hintFor(CodeKind kind, std::uint32_t code) {
    for (const auto& e : kHints)
        if (e.kind == kind && e.code == code) return e.hint;
    return std::nullopt;
}

} // namespace aovpn::platform
