//! Votes for the kind of a mention or an entity. Each clue adds a weight to one kind; an entity
//! sums the votes of all its mentions, so the document as a whole decides its kind.

use crate::Kind;

/// How much a vote weighs.
pub mod weight {
    /// The tagger's reading of one mention, or a surname joining a person's full name.
    pub const STRONG: u32 = 3;
    /// A clue in the text around a mention that only one kind fits ("the town of …"): it
    /// outweighs the tagger's readings of two other mentions.
    pub const DECISIVE: u32 = 7;
    /// A sentence saying what the named thing is ("Cleveland is a city"): it outweighs the
    /// tagger's readings of all the other mentions of a long text.
    pub const DEFINED: u32 = 100;
}

/// Votes per entity kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    person: u32,
    organization: u32,
    place: u32,
    misc: u32,
}

impl Evidence {
    pub fn add(&mut self, kind: Kind, weight: u32) {
        match kind {
            Kind::Person => self.person += weight,
            Kind::Organization => self.organization += weight,
            Kind::Place => self.place += weight,
            _ => self.misc += weight,
        }
    }

    pub fn merge(&mut self, other: &Evidence) {
        self.person += other.person;
        self.organization += other.organization;
        self.place += other.place;
        self.misc += other.misc;
    }

    /// Takes `other`'s votes back out (a mention leaving its entity).
    pub fn remove(&mut self, other: &Evidence) {
        self.person = self.person.saturating_sub(other.person);
        self.organization = self.organization.saturating_sub(other.organization);
        self.place = self.place.saturating_sub(other.place);
        self.misc = self.misc.saturating_sub(other.misc);
    }

    pub fn get(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Person => self.person,
            Kind::Organization => self.organization,
            Kind::Place => self.place,
            _ => self.misc,
        }
    }

    /// The kind with the most votes (ties go to the earlier of person, organization, place,
    /// misc), or `None` without any vote.
    pub fn strongest(&self) -> Option<Kind> {
        let kinds = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];
        let best = kinds
            .into_iter()
            .max_by_key(|&k| (self.get(k), 4 - k as u32))?;
        (self.get(best) > 0).then_some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strongest_kind_wins_and_ties_prefer_person() {
        let mut evidence = Evidence::default();
        assert_eq!(evidence.strongest(), None);
        evidence.add(Kind::Place, 1);
        assert_eq!(evidence.strongest(), Some(Kind::Place));
        evidence.add(Kind::Person, 1);
        assert_eq!(evidence.strongest(), Some(Kind::Person));
        let mut other = Evidence::default();
        other.add(Kind::Organization, 4);
        evidence.merge(&other);
        assert_eq!(evidence.strongest(), Some(Kind::Organization));
        assert_eq!(evidence.get(Kind::Organization), 4);
    }
}
