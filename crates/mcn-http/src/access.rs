//! Who may write what: the role gate, and (for member editors) ownership
//! derived from the stored data (the table in the crate README).

use mcn_core::id::NetworkId;
use mcn_store::ChangeSet;

use crate::{AppState, Principal, Problem, Role};

/// Refuses (403) a change set the principal may not make; nothing is
/// written before this passes.
pub(crate) fn check(
    _state: &AppState,
    principal: &Principal,
    network: NetworkId,
    _changes: &ChangeSet,
) -> Result<(), Problem> {
    match &principal.role {
        Role::Coordinator | Role::Admin => Ok(()),
        Role::Viewer => Err(Problem::Forbidden(format!(
            "{} is a viewer: viewers do not write to network {network}",
            principal.name
        ))),
        Role::MemberEditor { .. } => Err(Problem::Forbidden(format!(
            "{} is a member editor: writes by member editors are not supported yet",
            principal.name
        ))),
    }
}
