package io.tributary.server.api;

import io.tributary.server.api.MembershipRoutes.Answer;
import io.tributary.server.api.MembershipRoutes.Member;
import io.tributary.server.api.MembershipRoutes.Target;
import io.tributary.server.http.Router;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.MembershipStore;
import io.tributary.server.store.TeamStore;
import io.tributary.server.store.UserStore;

/** Users, teams and their memberships in teams, groups and connections. */
public final class PeopleApis {
    private PeopleApis() {
    }

    public static void register(Router router, Jdbc jdbc, GroupsApi groups, ConnectionsApi connections) {
        UserStore userStore = new UserStore(jdbc);
        UsersApi users = new UsersApi(userStore);
        users.register(router);
        TeamsApi teams = new TeamsApi(new TeamStore(jdbc));
        teams.register(router);
        new TeamUsersApi(MembershipStore.teamUsers(jdbc), teams, users).register(router);
        MembershipStore userGroups = MembershipStore.userGroups(jdbc);
        new GroupUsersApi(userStore, userGroups, groups, users).register(router);

        Member user = new Member("/v1/users/{userId}", "userId", "User", users::require);
        Member team = new Member("/v1/teams/{teamId}", "teamId", "Team", teams::require);
        Target group = new Target("groups", "groupId", "Group", RoleField.GROUP, groups::require);
        Target connection = new Target("connections", "connectionId", "Connection", RoleField.CONNECTION,
                connections::require);
        // The definition answers these differently: a user's group PATCH and team DELETEs return only a message,
        // a user's connection DELETE returns the deleted membership.
        new MembershipRoutes(user, group, userGroups, Answer.MESSAGE, Answer.MESSAGE).register(router);
        new MembershipRoutes(user, connection, MembershipStore.userConnections(jdbc), Answer.MEMBERSHIP,
                Answer.MEMBERSHIP).register(router);
        new MembershipRoutes(team, group, MembershipStore.teamGroups(jdbc), Answer.MEMBERSHIP, Answer.MESSAGE)
                .register(router);
        new MembershipRoutes(team, connection, MembershipStore.teamConnections(jdbc), Answer.MEMBERSHIP,
                Answer.MESSAGE).register(router);
    }
}
