package org.wholecare.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Where a request comes from, for throttling: the client's address as the server sees it (behind a
 * proxy, the address it forwards when server.forward-headers-strategy is set). An IPv6 client
 * counts by its /64 network, since anyone with one address has billions next to it.
 */
public final class SourceAddress {

    private SourceAddress() {
    }

    public static String of(@Nullable String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (!remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress.replace("[", "").replace("]", ""));
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                for (int i = 8; i < 16; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return remoteAddress;
        }
    }
}
