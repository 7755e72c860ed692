//! Deterministic ids for the hand-written examples.

/// Deterministic ids: `PPPPPPPP-KKKK-8000-8000-NNNNNNNNNNNN`, where `P` names
/// the example, `K` the entity kind and `N` the entity's number. Version and
/// variant nibbles make them valid RFC 9562 version-8 (custom) UUIDs; distinct
/// kinds never share an id, so a reference of the wrong kind is always
/// recognisable.
macro_rules! example_ids {
    ($( $function:ident => $ty:ident, $kind:literal; )+) => {
        /// Id makers for one example network (one prefix each).
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct Ids(pub(crate) u32);

        #[allow(dead_code)] // not every example uses every kind
        impl Ids {
            const fn raw(self, kind: u16, number: u64) -> u128 {
                ((self.0 as u128) << 96)
                    | ((kind as u128) << 80)
                    | (0x8000_u128 << 64)
                    | (0x8000_u128 << 48)
                    | (number as u128 & 0xffff_ffff_ffff)
            }

            $(
                #[doc = concat!("The `", stringify!($ty), "` numbered `number`.")]
                pub(crate) const fn $function(self, number: u64) -> mcn_core::id::$ty {
                    mcn_core::id::$ty::from_u128(self.raw($kind, number))
                }
            )+
        }
    };
}

example_ids! {
    network => NetworkId, 0x00;
    locality => LocalityId, 0x01;
    organisation => OrganisationId, 0x02;
    membership => MembershipId, 0x03;
    service => ServiceId, 0x04;
    system => SystemUseId, 0x05;
    person => PersonId, 0x06;
    post => PostId, 0x07;
    appointment => AppointmentId, 0x08;
    staffing => StaffingRecordId, 0x09;
    body => BodyId, 0x0a;
    seat => SeatId, 0x0b;
    meeting => MeetingId, 0x0c;
    decision => DecisionId, 0x0d;
    action => ActionId, 0x0e;
    objective => ObjectiveId, 0x0f;
    risk => RiskId, 0x10;
    funding_stream => FundingStreamId, 0x11;
    communication => CommunicationId, 0x12;
    course => CourseId, 0x13;
    event => EventId, 0x14;
    registration => RegistrationId, 0x15;
    requirement => TrainingRequirementId, 0x16;
    standard => StandardId, 0x17;
    measure => MeasureId, 0x18;
    adoption => AdoptionId, 0x19;
    audit_result => AuditResultId, 0x1a;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_8_and_kinds_differ() {
        let ids = Ids(0x4e56_4e56);
        let organisation = ids.organisation(3).to_string();
        assert_eq!(organisation, "4e564e56-0002-8000-8000-000000000003");
        assert_eq!(ids.organisation(3).as_uuid().get_version_num(), 8);
        assert_ne!(ids.person(3).as_uuid(), ids.organisation(3).as_uuid());
    }
}
